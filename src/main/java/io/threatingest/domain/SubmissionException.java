package io.threatingest.domain;

/**
 * A submission that cannot be accepted as a whole: invalid, or not allowed to this caller. Unchecked, so that
 * validation can run inside a pipeline and fail it; the API answers it with 400 or 403.
 *
 * @see #pointer()
 */
public final class SubmissionException extends RuntimeException {

    private final String pointer;
    private final String dataType;
    private final boolean forbidden;
    private final String refusedBy;

    public SubmissionException(String pointer, String reason) {
        this(pointer, null, reason, false);
    }

    public SubmissionException(String pointer, String dataType, String reason) {
        this(pointer, dataType, reason, false);
    }

    private SubmissionException(String pointer, String dataType, String reason, boolean forbidden) {
        this(pointer, dataType, reason, forbidden, null);
    }

    private SubmissionException(String pointer, String dataType, String reason, boolean forbidden,
            String refusedBy) {
        super(reason, null, false, false);
        this.pointer = pointer;
        this.dataType = dataType;
        this.forbidden = forbidden;
        this.refusedBy = refusedBy;
    }

    /** A valid submission that a screening list whose action is {@code refuse} matched (answered with 422). */
    public static SubmissionException refused(String pointer, String list, String reason) {
        return new SubmissionException(pointer, null, reason, false, list);
    }

    /** The key of the screening list that refused the submission, or {@code null}. */
    public String refusedBy() {
        return refusedBy;
    }

    /** A well-formed submission that the caller is not allowed to make. */
    public static SubmissionException forbidden(String pointer, String reason) {
        return new SubmissionException(pointer, null, reason, true);
    }

    /** True when the caller may not do this, as opposed to the input being invalid. */
    public boolean forbidden() {
        return forbidden;
    }

    /** The JSON pointer (RFC 6901) of the offending field in the request body. */
    public String pointer() {
        return pointer;
    }

    /** The data type whose rule failed, when a value was refused. */
    public String dataType() {
        return dataType;
    }
}
