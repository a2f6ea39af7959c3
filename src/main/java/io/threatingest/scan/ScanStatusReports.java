package io.threatingest.scan;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Section;

import io.vertx.core.json.JsonObject;

/**
 * Reads a scanner's status report from an AMQP body: a JSON object, as a data section or a string value, with a
 * string {@code id} and a string {@code status}; other fields are ignored.
 */
final class ScanStatusReports {

    private ScanStatusReports() {
    }

    /** The report, or empty when the body is not such a JSON object (the message is then refused). */
    static Optional<ScanStatusReport> decode(Section body) {
        String text;
        if (body instanceof Data data) {
            Binary binary = data.getValue();
            text = new String(binary.getArray(), binary.getArrayOffset(), binary.getLength(), StandardCharsets.UTF_8);
        } else if (body instanceof AmqpValue value && value.getValue() instanceof String string) {
            text = string;
        } else {
            return Optional.empty();
        }
        JsonObject report;
        try {
            report = new JsonObject(text);
        } catch (RuntimeException malformed) { // DecodeException, or a JSON value that is not an object
            return Optional.empty();
        }
        if (report.getValue("id") instanceof String id && report.getValue("status") instanceof String status) {
            return Optional.of(new ScanStatusReport(id, status));
        }
        return Optional.empty();
    }
}
