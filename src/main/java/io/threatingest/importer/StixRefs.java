package io.threatingest.importer;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** What a STIX object names: the ids in its {@code *_ref} and {@code *_refs} properties, and which names bind. */
final class StixRefs {

    private static final Set<String> SHARED = Set.of("identity", "marking-definition", "extension-definition");
    private static final Set<String> CONTAINERS = Set.of("grouping", "report", "note", "opinion");

    private StixRefs() {
    }

    /** Identities and marking definitions: copied into every chunk that names them. */
    static boolean isShared(JsonNode object) {
        return SHARED.contains(object.path("type").asText());
    }

    /** Grouping, report, note, opinion: their {@code object_refs} do not bind. */
    static boolean isContainer(JsonNode object) {
        return CONTAINERS.contains(object.path("type").asText());
    }

    /** Every id the object names in a {@code *_ref} or {@code *_refs} property, at any depth. */
    static Set<String> refs(JsonNode object, boolean container) {
        Set<String> out = new LinkedHashSet<>();
        collect(object, container, out);
        return out;
    }

    private static void collect(JsonNode node, boolean container, Set<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (name.equals("created_by_ref") || (container && name.equals("object_refs"))) {
                    continue;
                }
                if (name.endsWith("_ref") && value.isTextual()) {
                    out.add(value.asText());
                } else if (name.endsWith("_refs") && value.isArray()) {
                    value.forEach(v -> {
                        if (v.isTextual()) {
                            out.add(v.asText());
                        }
                    });
                } else {
                    collect(value, container, out);
                }
            }
        } else if (node.isArray()) {
            node.forEach(v -> collect(v, container, out));
        }
    }
}
