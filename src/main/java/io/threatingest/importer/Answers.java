package io.threatingest.importer;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the per-item part of the service's answers: /extract's indicators, /batch's items, /stix and /misp's objects. */
final class Answers {

    static final String ACCEPTED = "accepted";
    static final String REJECTED = "rejected";
    static final String UNAVAILABLE = "unavailable";
    static final String NOT_MAPPED = "not-mapped";

    /**
     * One item of an answer.
     *
     * @param index position in the answer
     * @param ref STIX id or MISP uuid (documents), the value (text), {@code null} (NDJSON)
     * @param kind object type or indicator type
     * @param pointer JSON pointer of the object in the document sent
     * @param value for text: the value as the service read it (defanging undone)
     * @param reason why it is not accepted
     */
    record Item(int index, String status, String ref, String kind, String pointer, String value, String reason) {
    }

    private Answers() {
    }

    /** The items of an answer body, or {@code null} when the body has no per-item part. */
    static List<Item> items(Format format, JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        String field = switch (format) {
            case TEXT, CSV -> "indicators";
            case NDJSON -> "items";
            case STIX, MISP -> "objects";
        };
        JsonNode list = body.get(field);
        if (list == null || !list.isArray()) {
            return null;
        }
        List<Item> items = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String status = text(item, "status");
            String reason = text(item, "reason");
            JsonNode error = item.get("error");
            if (reason == null && error != null && error.isObject()) {
                reason = text(error, "message");
                String param = text(error, "param");
                if (param != null && !param.isEmpty() && format == Format.NDJSON) {
                    reason = reason + " (at " + param + ")";
                }
            }
            int index = item.has("index") ? item.get("index").asInt(i) : i;
            switch (format) {
                case TEXT, CSV -> items.add(new Item(i, status, text(item, "found"), text(item, "type"), null,
                        text(item, "value"), reason));
                case NDJSON -> items.add(new Item(index, status, null, null, null, null, reason));
                default -> items.add(new Item(index, status, text(item, "ref"), text(item, "kind"),
                        text(item, "pointer"), null, reason));
            }
        }
        return items;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
