package io.threatingest.service;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.threatingest.domain.Visibility;

/**
 * The verified identity behind a request: recorded on events and used for visibility.
 *
 * @param admin administrators may make entities visible to any group
 */
public record Caller(String userId, List<String> groups, boolean admin) {

    public Caller {
        groups = List.copyOf(groups);
    }

    /** Entities default to the caller's groups; a non-administrator may name those and {@code public}. */
    public Visibility visibility() {
        if (admin) {
            return Visibility.unrestricted(groups);
        }
        Set<String> allowed = new HashSet<>(groups);
        allowed.add(Visibility.PUBLIC);
        return new Visibility(groups, allowed);
    }
}
