package io.threatingest.domain;

import java.util.List;
import java.util.Set;

/**
 * Who may see what a caller submits.
 *
 * @param defaults the groups an entity is visible to when it names none
 * @param allowed the groups a caller may name, or {@code null} when it may name any (administrators)
 */
public record Visibility(List<String> defaults, Set<String> allowed) {

    public static final String PUBLIC = "public";

    public Visibility {
        defaults = List.copyOf(defaults);
        allowed = allowed == null ? null : Set.copyOf(allowed);
    }

    /** Anything goes: for administrators and for tests of other rules. */
    public static Visibility unrestricted(List<String> defaults) {
        return new Visibility(defaults, null);
    }

    public boolean permits(String group) {
        return allowed == null || allowed.contains(group);
    }
}
