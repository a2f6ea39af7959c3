package io.threatingest.http;

import io.threatingest.http.error.ErrorKind;

/**
 * What a submission of many items (a batch, a document, a text, a TAXII envelope) comes to, from how its items
 * fared: the one rule every door answers by. Something published (in a dry run: something valid) is a success even
 * when other items failed, since the answer reports each; otherwise the broker taking none of the valid items is a
 * 503 (send it again), no valid item a 400, and nothing to submit at all a 400 of its own.
 */
public enum SubmissionVerdict {

    ACCEPTED(null), BROKER_TOOK_NONE(ErrorKind.BROKER_UNAVAILABLE), NONE_VALID(ErrorKind.INVALID_REQUEST), NOTHING(
            ErrorKind.NOTHING_TO_INGEST);

    private final ErrorKind error;

    SubmissionVerdict(ErrorKind error) {
        this.error = error;
    }

    /**
     * @param accepted items published (or valid, in a dry run)
     * @param unavailable valid items the broker did not take
     * @param rejected invalid items
     */
    public static SubmissionVerdict of(long accepted, long unavailable, long rejected) {
        if (accepted > 0) {
            return ACCEPTED;
        }
        if (unavailable > 0) {
            return BROKER_TOOK_NONE;
        }
        return rejected > 0 ? NONE_VALID : NOTHING;
    }

    /** 202, or 200 for a dry run (nothing was published); the error's status otherwise. */
    public int status(boolean dryRun) {
        return error == null ? dryRun ? 200 : 202 : error.status();
    }

    /** The kind of error this verdict answers with; {@code null} for {@link #ACCEPTED}. */
    public ErrorKind error() {
        return error;
    }
}
