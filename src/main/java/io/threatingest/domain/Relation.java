package io.threatingest.domain;

/** A link from a parent entity to a related one. */
public record Relation(String entityID, String relatedEntityID, RelationMode mode) {
}
