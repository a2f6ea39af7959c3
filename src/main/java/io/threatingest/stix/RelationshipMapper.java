package io.threatingest.stix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.threatingest.domain.AssociationSubmission;
import io.threatingest.domain.EntitySubmission;
import io.threatingest.domain.value.RawValue;
import io.threatingest.intake.Trees;

/**
 * Relationships and sightings, once every other object is mapped: the root entities of one end become tree roots,
 * those of the other end their children. Each entity keeps the reputation and tags of the object it came from, and
 * loses its own children, which that object's trees already carry.
 */
final class RelationshipMapper {

    /** Relationship types that mean the target is part of the source. */
    private static final Set<String> CONTAINMENT = Set.of("consists-of", "contains");

    private final StixDocument document;
    private final Map<String, Mapping> mapped;

    /** @param mapped what each object id of the document mapped to, relationships and sightings left out */
    RelationshipMapper(StixDocument document, Map<String, Mapping> mapped) {
        this.document = document;
        this.mapped = mapped;
    }

    Mapping relationship(JsonNode relationship) {
        Ends source = ends(Json.text(relationship, "source_ref"), "source");
        if (source.reason() != null) {
            return Mapping.none(source.reason());
        }
        Ends target = ends(Json.text(relationship, "target_ref"), "target");
        if (target.reason() != null) {
            return Mapping.none(target.reason());
        }
        String type = Json.text(relationship, "relationship_type");
        boolean containment = type != null && CONTAINMENT.contains(type); // Set.of refuses to look up null
        return link(source.entities(), target.entities(), containment);
    }

    Mapping sighting(JsonNode sighting) {
        Ends sighted = ends(Json.text(sighting, "sighting_of_ref"), "sighting_of_ref");
        if (sighted.reason() != null) {
            return Mapping.none(sighted.reason());
        }
        List<EntitySubmission> observed = new ArrayList<>();
        for (String id : Json.texts(sighting, "observed_data_refs")) {
            observed.addAll(ends(id, "observed data").entities());
        }
        if (observed.isEmpty()) {
            return Mapping.none("no observed data of the sighting is in the document and maps to an entity");
        }
        return link(sighted.entities(), observed, false);
    }

    private Mapping link(List<EntitySubmission> roots, List<EntitySubmission> children, boolean containment) {
        List<EntitySubmission> trees = new ArrayList<>();
        for (EntitySubmission root : roots) {
            List<AssociationSubmission> links = new ArrayList<>();
            for (EntitySubmission child : children) {
                if (!key(child).equals(key(root))) {
                    links.add(containment ? Trees.aggregation(child) : Trees.association(child));
                }
            }
            if (!links.isEmpty()) {
                trees.add(new EntitySubmission(root.type(), root.attributes(), links, root.reputation(),
                        root.correlate(), root.tags(), root.visibleBy()));
            }
        }
        return trees.isEmpty() ? Mapping.none("both ends map to the same entities") : Mapping.of(trees);
    }

    private record Ends(List<EntitySubmission> entities, String reason) {
    }

    /**
     * The root entities of a referenced object, without their children. An observed-data object stands for the
     * observables its {@code object_refs} name.
     */
    private Ends ends(String id, String role) {
        JsonNode object = document.object(id);
        if (object == null) {
            return new Ends(List.of(), role + " " + (id == null ? "(none)" : Json.shorten(id))
                    + " is not in the document");
        }
        Mapping mapping = mapped.get(id);
        List<EntitySubmission> entities = new ArrayList<>();
        if (mapping != null && mapping.mapped()) {
            entities.addAll(mapping.trees());
        } else if ("observed-data".equals(Json.text(object, "type"))) {
            for (String ref : Json.texts(object, "object_refs")) {
                Mapping observable = mapped.get(ref);
                if (observable != null) {
                    entities.addAll(observable.trees());
                }
            }
        }
        Map<List<Object>, EntitySubmission> unique = new LinkedHashMap<>();
        for (EntitySubmission entity : entities) {
            unique.putIfAbsent(key(entity), new EntitySubmission(entity.type(), entity.attributes(), null,
                    entity.reputation(), entity.correlate(), entity.tags(), entity.visibleBy()));
        }
        if (unique.isEmpty()) {
            return new Ends(List.of(), role + " " + Json.shorten(id) + " maps to no entity");
        }
        return new Ends(List.copyOf(unique.values()), null);
    }

    /** An entity's identity: its type and main value. */
    private static List<Object> key(EntitySubmission entity) {
        RawValue value = entity.attributes().get(entity.type());
        return List.of(entity.type(), value == null ? "" : value);
    }
}
