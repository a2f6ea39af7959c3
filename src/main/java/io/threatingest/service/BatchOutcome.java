package io.threatingest.service;

import java.util.Locale;

/**
 * What became of one item of a batch.
 *
 * @param submissionId the id of the event that carries the item, when it was accepted and published
 * @param error why it was not accepted, or {@code null}
 */
public record BatchOutcome(BatchItem item, Status status, String submissionId, BatchItemError error) {

    public enum Status {

        /** Valid, and held by the broker (or, in a dry run, valid). */
        ACCEPTED,
        /** Invalid, or held back because the batch is atomic and another item is invalid; not retryable as is. */
        REJECTED,
        /** Valid, but the broker did not take it: retry it. */
        UNAVAILABLE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
