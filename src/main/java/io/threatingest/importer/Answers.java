package io.threatingest.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The items of a TAXII 2.1 status resource, each placed at the index of its object in the envelope sent:
     * {@code successes} are accepted; {@code failures} are rejected ({@code rejected: }), not mapped
     * ({@code not mapped: }) or else unavailable (the broker did not take the object); {@code pendings} are counted
     * unavailable (this service answers complete statuses). {@code null} when the body is no status.
     */
    static List<Item> taxiiItems(JsonNode sent, JsonNode status) {
        if (status == null || !status.isObject() || !status.has("successes") && !status.has("failures")) {
            return null;
        }
        JsonNode objects = sent == null ? null : sent.get("objects");
        Map<String, Integer> indexById = indexById(objects);
        List<Item> items = new ArrayList<>();
        for (String list : List.of("successes", "failures", "pendings")) {
            JsonNode details = status.get(list);
            if (details == null || !details.isArray()) {
                continue;
            }
            for (JsonNode detail : details) {
                items.add(taxiiItem(list, detail, objects, indexById, text(status, "id")));
            }
        }
        items.sort(Comparator.comparingInt(Item::index));
        return items;
    }

    private static Map<String, Integer> indexById(JsonNode objects) {
        Map<String, Integer> indexById = new HashMap<>();
        if (objects != null && objects.isArray()) {
            for (int i = 0; i < objects.size(); i++) {
                indexById.putIfAbsent(objects.get(i).path("id").asText(), i);
            }
        }
        return indexById;
    }

    /** One status detail as an item, placed at its object's index in the envelope sent ({@code -1}: not sent). */
    private static Item taxiiItem(String list, JsonNode detail, JsonNode objects, Map<String, Integer> indexById,
            String statusId) {
        String id = text(detail, "id");
        int index = id == null ? -1 : indexById.getOrDefault(id, -1);
        String kind = index >= 0
                ? text(objects.get(index), "type")
                : id != null && id.contains("--") ? id.substring(0, id.indexOf("--")) : null;
        String message = text(detail, "message");
        return switch (list) {
            case "successes" -> new Item(index, ACCEPTED, id, kind, null, null, message);
            case "pendings" -> new Item(index, UNAVAILABLE, id, kind, null, null,
                    "pending on the server (TAXII status " + statusId + ")");
            default -> taxiiFailure(index, id, kind, message);
        };
    }

    private static Item taxiiFailure(int index, String id, String kind, String message) {
        if (message != null && message.startsWith("rejected: ")) {
            return new Item(index, REJECTED, id, kind, null, null, message.substring("rejected: ".length()));
        }
        if (message != null && message.startsWith("not mapped: ")) {
            return new Item(index, NOT_MAPPED, id, kind, null, null, message.substring("not mapped: ".length()));
        }
        return new Item(index, UNAVAILABLE, id, kind, null, null, message);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
