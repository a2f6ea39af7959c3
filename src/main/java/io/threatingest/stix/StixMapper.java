package io.threatingest.stix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.threatingest.intake.Conversion;
import io.threatingest.intake.DocumentException;
import io.threatingest.intake.SourceObject;

/** STIX 2.1 objects to entity trees, by the table in {@code docs/stix-mapping.md}. */
public final class StixMapper {

    static final String NO_ID = "(no id)";

    private final ObservableMapper observables = new ObservableMapper();
    private final DomainObjectMapper domainObjects = new DomainObjectMapper();
    private final IndicatorMapper indicators = new IndicatorMapper(observables);

    /** A STIX bundle ({@code {"type": "bundle", "objects": [...]}}); pointers start at {@code /objects/<i>}. */
    public Conversion bundle(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new DocumentException("", "a STIX 2.1 bundle is a JSON object");
        }
        if (!"bundle".equals(Json.text(document, "type"))) {
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
        StixDocument stix = new StixDocument(objects);
        Mapping[] mappings = new Mapping[objects.size()];
        Map<String, Mapping> byId = new HashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode object = objects.get(i);
            if (!isRelationship(object)) {
                mappings[i] = map(object, stix);
                String id = object.isObject() ? Json.text(object, "id") : null;
                if (id != null) {
                    byId.putIfAbsent(id, mappings[i]);
                }
            }
        }
        RelationshipMapper relationships = new RelationshipMapper(stix, byId);
        for (int i = 0; i < objects.size(); i++) {
            JsonNode object = objects.get(i);
            if (isRelationship(object)) {
                mappings[i] = "sighting".equals(Json.text(object, "type"))
                        ? relationships.sighting(object)
                        : relationships.relationship(object);
            }
        }
        List<SourceObject> converted = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode object = objects.get(i);
            String ref = object.isObject() && Json.text(object, "id") != null ? Json.text(object, "id") : NO_ID;
            String version = object.isObject() ? Json.text(object, "modified") : null;
            String kind = object.isObject() && Json.text(object, "type") != null
                    ? Json.text(object, "type")
                    : "(no type)";
            String pointer = "/objects/" + i;
            Mapping mapping = mappings[i];
            converted.add(mapping.mapped()
                    ? SourceObject.mapped(ref, version, kind, pointer, mapping.trees())
                    : SourceObject.notMapped(ref, version, kind, pointer, mapping.reason()));
        }
        return new Conversion(converted);
    }

    private static boolean isRelationship(JsonNode object) {
        String type = object.isObject() ? Json.text(object, "type") : null;
        return object.isObject() && Json.text(object, "id") != null && !revoked(object)
                && ("relationship".equals(type) || "sighting".equals(type));
    }

    private static boolean revoked(JsonNode object) {
        return object.path("revoked").asBoolean(false);
    }

    private Mapping map(JsonNode object, StixDocument stix) {
        if (!object.isObject()) {
            return Mapping.none("not a JSON object");
        }
        String type = Json.text(object, "type");
        if (type == null) {
            return Mapping.none("the object has no type");
        }
        if (Json.text(object, "id") == null) {
            return Mapping.none("the object has no id");
        }
        if (revoked(object)) {
            return Mapping.none("revoked");
        }
        if (type.equals("indicator")) {
            return indicators.map(object, stix.tags(object));
        }
        if (type.equals("observed-data") && object.path("objects").isObject()) {
            return EmbeddedObservables.map(object, stix.marks(object), observables);
        }
        if (ObservableMapper.TYPES.contains(type)) {
            return observables.map(object, stix.marks(object), Refs.of(stix), true);
        }
        if (DomainObjectMapper.handles(type)) {
            return domainObjects.map(object, stix.marks(object));
        }
        if (type.startsWith("x-")) {
            return Mapping.none("custom object type " + Json.shorten(type) + " is not mapped");
        }
        return Mapping.none("unknown object type " + Json.shorten(type));
    }
}
