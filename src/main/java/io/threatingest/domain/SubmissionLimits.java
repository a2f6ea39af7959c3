package io.threatingest.domain;

/**
 * Bounds on one submission. Exceeding any of them rejects the submission (400) naming where.
 *
 * @param maxAssociationDepth levels of nested associations below the submitted entity
 * @param maxEntities entities in the whole submission, correlated ones included
 */
public record SubmissionLimits(int maxAssociationDepth, int maxEntities, int maxAttributes, int maxTags,
        int maxVisibleBy, int maxCorrelate) {

    /** Large enough for any test of other rules. */
    public static final SubmissionLimits GENEROUS = new SubmissionLimits(64, 100_000, 1_000, 1_000, 1_000, 1_000);
}
