package io.threatingest.misp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.threatingest.domain.AssociationSubmission;
import io.threatingest.domain.EntitySubmission;
import io.threatingest.domain.value.RawValue;
import io.threatingest.intake.Conversion;

/** Expected trees written out in full, and documents for the mapper. */
final class Expected {

    static final ObjectMapper JSON = new ObjectMapper();

    private Expected() {
    }

    static Conversion map(String json) {
        try {
            return new MispMapper().map(JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An entity with a text main attribute; children are associations. */
    static EntitySubmission text(String type, String value, Integer reputation, List<String> tags,
            EntitySubmission... children) {
        return entity(type, Map.of(type, new RawValue.Text(value)), reputation, tags, children);
    }

    static EntitySubmission number(String type, String literal, Integer reputation, List<String> tags,
            EntitySubmission... children) {
        return entity(type, Map.of(type, new RawValue.Number(literal)), reputation, tags, children);
    }

    /** A {@code file} entity: its key first, then the hashes it carries, by type name. */
    static EntitySubmission file(String key, Map<String, String> hashes, Integer reputation, List<String> tags,
            EntitySubmission... children) {
        Map<String, RawValue> attributes = new LinkedHashMap<>();
        attributes.put("file", new RawValue.Text(key));
        hashes.forEach((type, value) -> attributes.put(type, new RawValue.Text(value)));
        return new EntitySubmission("file", attributes,
                Arrays.stream(children).map(c -> new AssociationSubmission("association", c)).toList(), reputation,
                null, tags.isEmpty() ? null : tags, null);
    }

    static EntitySubmission entity(String type, Map<String, RawValue> attributes, Integer reputation,
            List<String> tags, EntitySubmission... children) {
        return new EntitySubmission(type, attributes, children.length == 0
                ? null
                : Arrays.stream(children).map(c -> new AssociationSubmission("association", c)).toList(),
                reputation, null, tags.isEmpty() ? null : tags, null);
    }
}
