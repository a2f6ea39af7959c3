package io.threatingest.domain;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A whole submission after validation: every entity of the tree (root first, in depth-first request order,
 * correlated entities right after their source) and every relation between them.
 *
 * @param screened the lists its values matched, per entity, in entity order; empty when none did
 */
public record FlatSubmission(List<FlatEntity> entities, List<Relation> relations, List<ScreeningMatch> screened) {

    public FlatSubmission {
        screened = List.copyOf(screened);
    }

    public FlatSubmission(List<FlatEntity> entities, List<Relation> relations) {
        this(entities, relations, List.of());
    }

    public FlatEntity root() {
        return entities.get(0);
    }

    /** Every entity ID that is published once, root first, in the order the entities appear (dropped ones left out). */
    public List<String> distinctIds() {
        Set<String> dropped = dropped();
        if (entities.size() == 1) {
            return dropped.isEmpty() ? List.of(root().id()) : List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (FlatEntity entity : entities) {
            if (!dropped.contains(entity.id())) {
                ids.add(entity.id());
            }
        }
        return List.copyOf(ids);
    }

    /** The IDs of the entities a list with the action {@code drop} matched: they are not published. */
    public Set<String> dropped() {
        Set<String> dropped = null;
        for (ScreeningMatch match : screened) {
            if (match.action() == ScreeningAction.DROP) {
                dropped = dropped == null ? new HashSet<>() : dropped;
                dropped.add(match.id());
            }
        }
        return dropped == null ? Set.of() : dropped;
    }

    /** True when every entity of the tree is dropped: nothing of it is published. */
    public boolean nothingPublished() {
        Set<String> dropped = dropped();
        if (dropped.isEmpty()) {
            return false;
        }
        for (FlatEntity entity : entities) {
            if (!dropped.contains(entity.id())) {
                return false;
            }
        }
        return true;
    }
}
