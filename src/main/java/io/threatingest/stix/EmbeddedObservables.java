package io.threatingest.stix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.threatingest.domain.EntitySubmission;

/**
 * STIX 2.0 observed-data, whose observables are embedded in an {@code objects} dictionary and reference each other
 * by its keys ({@code "0"}, {@code "1"}, ...). Each embedded observable maps as an SCO would, with the marks of the
 * observed-data object.
 */
final class EmbeddedObservables {

    private EmbeddedObservables() {
    }

    static Mapping map(JsonNode observedData, Marks marks, ObservableMapper observables) {
        JsonNode embedded = observedData.get("objects");
        Refs refs = new Refs() {

            @Override
            public JsonNode object(String key) {
                JsonNode object = key == null ? null : embedded.get(key);
                return object != null && object.isObject() ? object : null;
            }

            @Override
            public Marks marks(JsonNode object) {
                return marks;
            }
        };
        List<EntitySubmission> trees = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : embedded.properties()) {
            JsonNode object = entry.getValue();
            String type = object.isObject() ? Json.text(object, "type") : null;
            if (type == null || !ObservableMapper.TYPES.contains(type)) {
                reasons.add(entry.getKey() + ": " + (type == null
                        ? "no type"
                        : "type " + Json.shorten(type)
                                + " is not mapped"));
                continue;
            }
            Mapping mapping = observables.map(object, marks, refs, true);
            trees.addAll(mapping.trees());
            if (!mapping.mapped()) {
                reasons.add(entry.getKey() + ": " + mapping.reason());
            }
        }
        return trees.isEmpty()
                ? Mapping.none("no embedded observable maps to an entity (" + String.join("; ",
                        reasons) + ")")
                : Mapping.of(trees);
    }
}
