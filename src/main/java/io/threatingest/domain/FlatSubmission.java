package io.threatingest.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
        return entities.stream().map(FlatEntity::id).filter(id -> !dropped.contains(id)).distinct().toList();
    }

    /** The IDs of the entities a list with the action {@code drop} matched: they are not published. */
    public Set<String> dropped() {
        if (screened.isEmpty()) {
            return Set.of();
        }
        return screened.stream().filter(m -> m.action() == ScreeningAction.DROP).map(ScreeningMatch::id)
                .collect(Collectors.toSet());
    }

    /** True when every entity of the tree is dropped: nothing of it is published. */
    public boolean nothingPublished() {
        return !screened.isEmpty() && distinctIds().isEmpty();
    }
}
