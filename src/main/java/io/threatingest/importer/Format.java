package io.threatingest.importer;

import java.util.Locale;

/** The kinds of file the command reads, and the endpoint each goes to. */
enum Format {

    TEXT("/api/ingest/v1/extract", "text/plain; charset=utf-8"), CSV("/api/ingest/v1/extract",
            "text/plain; charset=utf-8"), NDJSON("/api/ingest/v1/batch", "application/x-ndjson"), STIX(
                    "/api/ingest/v1/stix",
                    "application/stix+json;version=2.1"), MISP("/api/ingest/v1/misp", "application/json");

    final String path;
    final String contentType;

    Format(String path, String contentType) {
        this.path = path;
        this.contentType = contentType;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Format named(String value) throws ImportOptions.UsageException {
        for (Format format : values()) {
            if (format.label().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new ImportOptions.UsageException(
                "unknown format '" + value + "': use text, csv, ndjson, stix or misp");
    }
}
