package io.threatingest.domain;

import java.util.List;

/**
 * A whole submission after validation: every entity of the tree (root first, in depth-first request order,
 * correlated entities right after their source) and every relation between them.
 */
public record FlatSubmission(List<FlatEntity> entities, List<Relation> relations) {

    public FlatEntity root() {
        return entities.get(0);
    }

    /** Every entity ID once, root first, in the order the entities appear. */
    public List<String> distinctIds() {
        return entities.stream().map(FlatEntity::id).distinct().toList();
    }
}
