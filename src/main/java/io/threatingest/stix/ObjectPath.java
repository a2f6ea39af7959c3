package io.threatingest.stix;

import java.util.List;

/**
 * {@code object-type:step.step...} of a pattern comparison. Steps are property names (quotes removed) and list
 * indexes kept as {@code [*]} or {@code [<n>]}.
 *
 * @param text the path as written, for reasons
 */
record ObjectPath(String objectType, List<String> steps, String text) {

    ObjectPath {
        steps = List.copyOf(steps);
    }
}
