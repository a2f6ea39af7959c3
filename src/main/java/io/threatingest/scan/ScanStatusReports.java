package io.threatingest.scan;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.vertx.core.json.JsonObject;

/**
 * Reads a scanner's status report: a JSON object (UTF-8) with a string {@code id} and a string {@code status}; other
 * fields are ignored.
 */
final class ScanStatusReports {

    private ScanStatusReports() {
    }

    /** The report, or empty when the body is not such a JSON object (the message is then refused). */
    static Optional<ScanStatusReport> decode(byte[] body) {
        JsonObject report;
        try {
            report = new JsonObject(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException malformed) { // DecodeException, or a JSON value that is not an object
            return Optional.empty();
        }
        if (report.getValue("id") instanceof String id && report.getValue("status") instanceof String status) {
            return Optional.of(new ScanStatusReport(id, status));
        }
        return Optional.empty();
    }
}
