package io.threatingest.stix;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** The objects of one bundle or envelope, by id, and the tags each object's labels and markings give. */
final class StixDocument {

    private final Map<String, JsonNode> byId = new HashMap<>();
    private final Map<String, String> tlpTags = new HashMap<>(TlpMarkings.WELL_KNOWN);

    StixDocument(JsonNode objects) {
        for (JsonNode object : objects) {
            String id = object.isObject() ? Json.text(object, "id") : null;
            if (id != null) {
                byId.putIfAbsent(id, object);
            }
        }
        for (Map.Entry<String, JsonNode> entry : byId.entrySet()) {
            if ("marking-definition".equals(Json.text(entry.getValue(), "type"))) {
                String tag = TlpMarkings.tag(entry.getValue());
                if (tag != null) {
                    tlpTags.putIfAbsent(entry.getKey(), tag);
                }
            }
        }
    }

    /** The object with this id, or {@code null} when the document does not hold it. */
    JsonNode object(String id) {
        return id == null ? null : byId.get(id);
    }

    /** Labels in document order, then the TLP tags of the object's markings; each once. */
    List<String> tags(JsonNode object) {
        Set<String> tags = new LinkedHashSet<>(Json.texts(object, "labels"));
        for (String marking : Json.texts(object, "object_marking_refs")) {
            String tag = tlpTags.get(marking);
            if (tag != null) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }

    /** Marks for an object that is not an indicator: tags only. */
    Marks marks(JsonNode object) {
        return new Marks(null, tags(object));
    }
}
