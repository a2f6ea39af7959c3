package io.threatingest.domain;

import java.util.List;

/**
 * A submission after {@link Refanger}: the tree to validate, and every value that was rewritten, in tree order
 * (each entity's attributes in request order, then its associations).
 */
public record RefangedSubmission(EntitySubmission submission, List<RefangedValue> changes) {
}
