package io.threatingest.misp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.threatingest.domain.AssociationSubmission;
import io.threatingest.domain.EntitySubmission;
import io.threatingest.intake.DocumentException;
import io.threatingest.intake.SourceObject;
import io.threatingest.intake.Trees;

/**
 * The attributes, objects and galaxy clusters of one MISP event (or the loose objects of one search answer), in
 * document order, appended to a shared list. Object references are resolved within that scope, by {@link #finish}.
 */
final class EventConverter {

    static final String NO_UUID = "(no uuid)";
    private static final String NO_TYPE = "(no type)";

    private final List<SourceObject> out;
    /** Root of every mapped attribute and object by uuid: what an object reference points at. */
    private final Map<String, EntitySubmission> roots = new HashMap<>();
    private final List<References> references = new ArrayList<>();

    /** The references of the object entry at {@code index} in the shared list. */
    private record References(int index, List<String> targets, List<String> tags) {
    }

    EventConverter(List<SourceObject> out) {
        this.out = out;
    }

    void event(JsonNode event, String pointer) {
        if (!event.isObject()) {
            throw new DocumentException(pointer, "an Event is a JSON object, not " + Json.kind(event));
        }
        List<String> tags = Tags.names(event.get("Tag"), pointer + "/Tag");
        Iterator<Map.Entry<String, JsonNode>> fields = event.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = pointer + "/" + field.getKey();
            switch (field.getKey()) {
                case "Attribute" -> {
                    JsonNode attributes = array(field.getValue(), at);
                    for (int i = 0; i < attributes.size(); i++) {
                        attribute(attributes.get(i), at + "/" + i, tags, null, null);
                    }
                }
                case "Object" -> {
                    JsonNode objects = array(field.getValue(), at);
                    for (int i = 0; i < objects.size(); i++) {
                        object(objects.get(i), at + "/" + i, tags);
                    }
                }
                case "Galaxy" -> {
                    JsonNode galaxies = array(field.getValue(), at);
                    for (int i = 0; i < galaxies.size(); i++) {
                        galaxy(galaxies.get(i), at + "/" + i, tags);
                    }
                }
                default -> {
                    // event metadata (info, Org, threat_level_id, ...) describes the event, not an indicator
                }
            }
        }
    }

    /** An attribute outside any event (an attribute search answer). */
    void looseAttribute(JsonNode attribute, String pointer) {
        attribute(attribute, pointer, List.of(), null, null);
    }

    /** A MISP object, in an event or on its own. */
    void object(JsonNode node, String pointer, List<String> inherited) {
        if (!node.isObject()) {
            out.add(SourceObject.notMapped(NO_UUID, null, "object", pointer,
                    "a MISP object is a JSON object, not " + Json.kind(node)));
            return;
        }
        String ref = Json.text(node, "uuid", NO_UUID);
        String version = Json.version(node.get("timestamp"));
        String template = Json.text(node, "name", null);
        String kind = template == null ? "object" : "object:" + template;
        JsonNode attributes = node.get("Attribute");
        if (!Json.absent(attributes) && !attributes.isArray()) {
            out.add(SourceObject.notMapped(ref, version, kind, pointer,
                    "its Attribute is " + Json.kind(attributes) + ", not an array"));
            return;
        }
        int index = out.size();
        out.add(null); // the object's entry, once its attributes are read
        List<String> objectTags = List.of();
        String problem = null;
        try {
            objectTags = Tags.names(node.get("Tag"), pointer + "/Tag");
        } catch (DocumentException badTags) {
            problem = "at " + badTags.pointer() + ": " + badTags.getMessage();
        }
        boolean deleted = Json.flag(node.get("deleted"));
        String protocol = protocol(attributes);
        List<String> tags = Tags.merge(inherited, objectTags);
        List<ObjectAttribute> usable = new ArrayList<>();
        List<String> treeTags = new ArrayList<>(tags);
        for (int i = 0; attributes != null && i < attributes.size(); i++) {
            ObjectAttribute attribute = attribute(attributes.get(i), pointer + "/Attribute/" + i, tags, protocol,
                    deleted ? "deleted in MISP (its object is)" : null);
            if (attribute != null) {
                usable.add(attribute);
                treeTags.addAll(attribute.ownTags());
            }
        }
        if (deleted || problem != null) {
            out.set(index, SourceObject.notMapped(ref, version, kind, pointer, deleted ? "deleted in MISP" : problem));
            return;
        }
        treeTags = Tags.merge(treeTags);
        EntitySubmission tree = ObjectTrees.tree(template, usable, treeTags, protocol);
        if (tree == null) {
            out.set(index,
                    SourceObject.notMapped(ref, version, kind, pointer, attributes == null || attributes.isEmpty()
                            ? "the object has no attributes"
                            : "none of its attributes maps to an entity type (each is listed with its reason)"));
            return;
        }
        out.set(index, SourceObject.mapped(ref, version, kind, pointer, List.of(tree)));
        remember(ref, tree);
        List<String> targets = targets(node.get("ObjectReference"));
        if (!targets.isEmpty()) {
            references.add(new References(index, targets, treeTags));
        }
    }

    /**
     * Object references become associations from the referring object's root to the root of what it references
     * (the referenced entity by its main attribute only: its own entry carries the rest). References to anything
     * not mapped in this scope are left out.
     */
    void finish() {
        for (References pending : references) {
            SourceObject entry = out.get(pending.index());
            EntitySubmission tree = entry.trees().get(0);
            Set<String> seen = new LinkedHashSet<>();
            List<AssociationSubmission> children = new ArrayList<>();
            for (String target : pending.targets()) {
                EntitySubmission root = roots.get(target);
                if (root != null && !target.equals(entry.ref()) && seen.add(target)) {
                    children.add(Trees.association(Trees.entity(root.type(), root.attributes().get(root.type()),
                            null, pending.tags(), List.of())));
                }
            }
            if (!children.isEmpty()) {
                out.set(pending.index(), SourceObject.mapped(entry.ref(), entry.version(), entry.kind(),
                        entry.pointer(), List.of(EntityValues.withChildren(tree, children))));
            }
        }
        references.clear();
    }

    /**
     * One entry for the attribute, mapped or not.
     *
     * @param relation where the attribute is an object's, the object's protocol for bare ports (or {@code null})
     * @param deleted a reason that overrides the mapping, or {@code null}
     * @return what the object's tree can use, or {@code null} when the attribute is unusable
     */
    private ObjectAttribute attribute(JsonNode node, String pointer, List<String> inherited, String protocol,
            String deleted) {
        if (!node.isObject()) {
            out.add(SourceObject.notMapped(NO_UUID, null, NO_TYPE, pointer,
                    "an attribute is a JSON object, not " + Json.kind(node)));
            return null;
        }
        String ref = Json.text(node, "uuid", NO_UUID);
        String version = Json.version(node.get("timestamp"));
        String type = Json.text(node, "type", null);
        if (type == null) {
            out.add(SourceObject.notMapped(ref, version, NO_TYPE, pointer, "the attribute has no type"));
            return null;
        }
        if (deleted != null || Json.flag(node.get("deleted"))) {
            out.add(SourceObject.notMapped(ref, version, type, pointer, deleted != null ? deleted : "deleted in MISP"));
            return null;
        }
        JsonNode value = node.get("value");
        if (Json.absent(value) || !value.isTextual()) {
            out.add(SourceObject.notMapped(ref, version, type, pointer, Json.absent(value)
                    ? "the attribute has no value"
                    : "the attribute's value is " + Json.kind(value) + ", not a string"));
            return null;
        }
        List<String> own;
        try {
            own = Tags.names(node.get("Tag"), pointer + "/Tag");
        } catch (DocumentException badTags) {
            out.add(SourceObject.notMapped(ref, version, type, pointer,
                    "at " + badTags.pointer() + ": " + badTags.getMessage()));
            return null;
        }
        Integer reputation = Json.flag(node.get("to_ids")) ? -1 : null;
        AttributeRule rule = ObjectTemplates.rule(type, Json.text(node, "object_relation", null));
        Outcome outcome = rule.map(value.textValue(), new ValueContext(reputation, Tags.merge(inherited, own),
                protocol));
        if (outcome.isMapped()) {
            out.add(SourceObject.mapped(ref, version, type, pointer, List.of(outcome.tree())));
            remember(ref, outcome.tree());
        } else {
            out.add(SourceObject.notMapped(ref, version, type, pointer, outcome.notMapped()));
        }
        return new ObjectAttribute(type, rule, value.textValue(), reputation, own);
    }

    private void galaxy(JsonNode galaxy, String pointer, List<String> tags) {
        if (!galaxy.isObject()) {
            out.add(SourceObject.notMapped(NO_UUID, null, "galaxy", pointer,
                    "a galaxy is a JSON object, not " + Json.kind(galaxy)));
            return;
        }
        String type = Json.text(galaxy, "type", null);
        JsonNode clusters = galaxy.get("GalaxyCluster");
        if (Json.absent(clusters) || !clusters.isArray()) {
            out.add(SourceObject.notMapped(Json.text(galaxy, "uuid", NO_UUID), null, galaxyKind(type), pointer,
                    Json.absent(clusters) ? "the galaxy has no clusters" : "its GalaxyCluster is not an array"));
            return;
        }
        for (int i = 0; i < clusters.size(); i++) {
            cluster(clusters.get(i), pointer + "/GalaxyCluster/" + i, type, tags);
        }
    }

    private void cluster(JsonNode cluster, String pointer, String galaxyType, List<String> tags) {
        if (!cluster.isObject()) {
            out.add(SourceObject.notMapped(NO_UUID, null, galaxyKind(galaxyType), pointer,
                    "a galaxy cluster is a JSON object, not " + Json.kind(cluster)));
            return;
        }
        String ref = Json.text(cluster, "uuid", NO_UUID);
        String version = Json.version(cluster.get("version"));
        String type = Json.text(cluster, "type", galaxyType);
        String kind = galaxyKind(type);
        String entityType = Galaxies.entityType(type);
        String value = Json.text(cluster, "value", null);
        if (entityType == null) {
            out.add(SourceObject.notMapped(ref, version, kind, pointer, type == null
                    ? "neither the cluster nor its galaxy has a type"
                    : "clusters of the galaxy " + type + " have no entity type"));
        } else if (value == null) {
            out.add(SourceObject.notMapped(ref, version, kind, pointer, "the cluster has no value"));
        } else {
            EntitySubmission tree = Trees.entity(entityType, value, null, tags, List.of());
            out.add(SourceObject.mapped(ref, version, kind, pointer, List.of(tree)));
            remember(ref, tree);
        }
    }

    private static String galaxyKind(String type) {
        return type == null ? "galaxy" : "galaxy:" + type;
    }

    private void remember(String ref, EntitySubmission tree) {
        if (!ref.equals(NO_UUID)) {
            roots.putIfAbsent(ref, tree);
        }
    }

    private static JsonNode array(JsonNode member, String pointer) {
        if (member.isNull()) {
            return member; // size 0
        }
        if (!member.isArray()) {
            throw new DocumentException(pointer, pointer.substring(pointer.lastIndexOf('/') + 1)
                    + " must be an array, not " + Json.kind(member));
        }
        return member;
    }

    private static String protocol(JsonNode attributes) {
        for (int i = 0; attributes != null && i < attributes.size(); i++) {
            JsonNode attribute = attributes.get(i);
            String value = Json.text(attribute, "value", null);
            String protocol = value == null
                    ? null
                    : ObjectTemplates.protocol(
                            Json.text(attribute, "object_relation", null), value);
            if (protocol != null) {
                return protocol;
            }
        }
        return null;
    }

    private static List<String> targets(JsonNode references) {
        List<String> targets = new ArrayList<>();
        if (references != null && references.isArray()) {
            for (JsonNode reference : references) {
                String target = Json.text(reference, "referenced_uuid", null);
                if (target != null && !Json.flag(reference.get("deleted"))) {
                    targets.add(target);
                }
            }
        }
        return targets;
    }
}
