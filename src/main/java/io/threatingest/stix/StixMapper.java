package io.threatingest.stix;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.threatingest.intake.Conversion;
import io.threatingest.intake.DocumentException;
import io.threatingest.intake.SourceObject;

/** STIX 2.1 objects to entity trees, by the table in {@code docs/stix-mapping.md}. */
public final class StixMapper {

    /** A STIX bundle ({@code {"type": "bundle", "objects": [...]}}); pointers start at {@code /objects/<i>}. */
    public Conversion bundle(JsonNode document) {
        if (document == null || !document.isObject() || !"bundle".equals(document.path("type").asText(null))) {
            throw new DocumentException("/type", "a STIX 2.1 bundle needs \"type\": \"bundle\"");
        }
        return objects(document);
    }

    /** A TAXII 2.1 envelope ({@code {"objects": [...]}}); pointers start at {@code /objects/<i>}. */
    public Conversion envelope(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new DocumentException("", "a TAXII envelope is a JSON object");
        }
        return objects(document);
    }

    private Conversion objects(JsonNode document) {
        JsonNode objects = document.get("objects");
        if (objects == null || !objects.isArray()) {
            throw new DocumentException("/objects", "\"objects\" must be an array");
        }
        List<SourceObject> converted = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode object = objects.get(i);
            converted.add(SourceObject.notMapped(object.path("id").asText("?"), object.path("modified").asText(null),
                    object.path("type").asText("?"), "/objects/" + i, "not mapped yet"));
        }
        return new Conversion(converted);
    }
}
