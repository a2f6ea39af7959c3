package io.threatingest.domain;

/**
 * A submission that cannot be accepted as a whole.
 *
 * @see #pointer()
 */
public final class SubmissionException extends Exception {

    private final String pointer;
    private final String dataType;

    public SubmissionException(String pointer, String reason) {
        this(pointer, null, reason);
    }

    public SubmissionException(String pointer, String dataType, String reason) {
        super(reason, null, false, false);
        this.pointer = pointer;
        this.dataType = dataType;
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
