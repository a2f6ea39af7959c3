package io.threatingest.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.threatingest.domain.value.InvalidValueException;
import io.threatingest.domain.value.NormalisedValue;
import io.threatingest.domain.value.RawValue;

/**
 * Validates a submitted entity tree as a whole and flattens it into entities and relations. The first
 * invalid field anywhere in the tree rejects the submission, named by its JSON pointer.
 */
public final class SubmissionFlattener {

    public static final int MIN_REPUTATION = -3;
    public static final int MAX_REPUTATION = 3;

    private SubmissionFlattener() {
    }

    public static FlatSubmission flatten(EntitySubmission root, Visibility visibility, SubmissionLimits limits) {
        List<FlatEntity> entities = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        new Walk(entities, relations, visibility, limits).entity(root, "", 0);
        return new FlatSubmission(List.copyOf(entities), List.copyOf(relations));
    }

    /** Normalises one value of the given entity type; {@code pointer} locates it in errors. */
    public static NormalisedValue normalise(EntityType type, RawValue raw, String pointer) {
        try {
            return type.dataType().normaliser().normalise(raw);
        } catch (InvalidValueException e) {
            throw new SubmissionException(pointer, type.dataType().label(), e.getMessage());
        }
    }

    /** Checks the groups a caller names; empty means the caller's default groups. */
    public static List<String> visibleBy(List<String> requested, Visibility visibility, int max, String pointer) {
        List<String> groups = Walk.strings(requested, max, pointer);
        for (int i = 0; i < groups.size(); i++) {
            if (!visibility.permits(groups.get(i))) {
                throw SubmissionException.forbidden(pointer + "/" + i,
                        "you may only make entities visible to your own groups or public, not to " + groups.get(i));
            }
        }
        return groups.isEmpty() ? visibility.defaults() : groups;
    }

    /** Escapes one reference token of a JSON pointer (RFC 6901). */
    public static String pointerToken(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    private record Walk(List<FlatEntity> entities, List<Relation> relations, Visibility visibility,
            SubmissionLimits limits) {

        String entity(EntitySubmission submission, String at, int depth) {
            if (depth > limits.maxAssociationDepth()) {
                throw new SubmissionException(at, "associations nest deeper than " + limits.maxAssociationDepth()
                        + " levels");
            }
            EntityType type = entityType(submission.type(), at);
            if (submission.attributes() != null && submission.attributes().size() > limits.maxAttributes()) {
                throw new SubmissionException(at + "/attributes",
                        "more than " + limits.maxAttributes() + " attributes");
            }
            Map<String, NormalisedValue> attributes = attributes(submission.attributes(), at);
            NormalisedValue main = attributes.get(type.name());
            if (main == null) {
                throw new SubmissionException(at + "/attributes/" + pointerToken(type.name()),
                        "missing main attribute '" + type.name() + "'");
            }
            int reputation = reputation(submission.reputation(), at);
            List<String> correlate = strings(submission.correlate(), limits.maxCorrelate(), at + "/correlate");
            List<String> tags = strings(submission.tags(), limits.maxTags(), at + "/tags");
            List<String> visibleBy = visibleBy(submission.visibleBy(), visibility, limits.maxVisibleBy(),
                    at + "/visibleBy");

            String id = EntityId.of(type.name(), main.text());
            add(new FlatEntity(id, type.name(), main, attributes, reputation, tags, visibleBy), at);
            correlated(type, id, attributes, correlate, visibleBy, at);

            List<AssociationSubmission> associations = submission.associations();
            if (associations != null) {
                for (int i = 0; i < associations.size(); i++) {
                    String childAt = at + "/associations/" + i;
                    AssociationSubmission association = associations.get(i);
                    if (association == null || association.entity() == null) {
                        throw new SubmissionException(childAt, "an association must be an object");
                    }
                    RelationMode mode = RelationMode.fromRequest(association.mode());
                    if (mode == null) {
                        throw new SubmissionException(childAt + "/mode",
                                "mode must be 'aggregation' or 'association', got '" + association.mode() + "'");
                    }
                    String childId = entity(association.entity(), childAt, depth + 1);
                    relations.add(new Relation(id, childId, mode));
                }
            }
            return id;
        }

        private static EntityType entityType(String name, String at) {
            if (name == null) {
                throw new SubmissionException(at + "/type", "type is required");
            }
            EntityType type = Catalogue.find(name);
            if (type == null) {
                throw new SubmissionException(at + "/type", "unknown type: " + name);
            }
            return type;
        }

        private static Map<String, NormalisedValue> attributes(Map<String, RawValue> raw, String at) {
            Map<String, NormalisedValue> normalised = new LinkedHashMap<>();
            if (raw == null) {
                return normalised;
            }
            for (Map.Entry<String, RawValue> attribute : raw.entrySet()) {
                String pointer = at + "/attributes/" + pointerToken(attribute.getKey());
                EntityType attributeType = Catalogue.find(attribute.getKey());
                if (attributeType == null) {
                    throw new SubmissionException(pointer, "unknown attribute: " + attribute.getKey());
                }
                if (attribute.getValue() != null) {
                    normalised.put(attribute.getKey(), normalise(attributeType, attribute.getValue(), pointer));
                }
            }
            return normalised;
        }

        private static int reputation(Integer reputation, String at) {
            if (reputation == null) {
                return 0;
            }
            if (reputation < MIN_REPUTATION || reputation > MAX_REPUTATION) {
                throw new SubmissionException(at + "/reputation", "reputation must be an integer from "
                        + MIN_REPUTATION + " to " + MAX_REPUTATION + ", got " + reputation);
            }
            return reputation;
        }

        private void add(FlatEntity entity, String at) {
            if (entities.size() >= limits.maxEntities()) {
                throw new SubmissionException(at, "more than " + limits.maxEntities() + " entities in one submission");
            }
            entities.add(entity);
        }

        static List<String> strings(List<String> values, int max, String at) {
            if (values == null) {
                return List.of();
            }
            if (values.size() > max) {
                throw new SubmissionException(at, "more than " + max + " entries");
            }
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == null) {
                    throw new SubmissionException(at + "/" + i, "expected a string, got null");
                }
            }
            return List.copyOf(values);
        }

        /** Spins each correlated attribute off as an entity of its own, linked to its source. */
        private void correlated(EntityType type, String sourceId, Map<String, NormalisedValue> attributes,
                List<String> correlate, List<String> visibleBy, String at) {
            List<String> done = new ArrayList<>();
            for (int i = 0; i < correlate.size(); i++) {
                String name = correlate.get(i);
                NormalisedValue value = attributes.get(name);
                if (name.equals(type.name())) {
                    throw new SubmissionException(at + "/correlate/" + i,
                            "the main attribute cannot be correlated: " + name);
                }
                if (value == null) {
                    throw new SubmissionException(at + "/correlate/" + i,
                            "correlate names an attribute the entity does not have: " + name);
                }
                if (done.contains(name)) {
                    continue;
                }
                done.add(name);
                String id = EntityId.of(name, value.text());
                add(new FlatEntity(id, name, value, Map.of(name, value), 0, List.of(), visibleBy),
                        at + "/correlate/" + i);
                relations.add(new Relation(sourceId, id, RelationMode.ASSOCIATION));
            }
        }
    }
}
