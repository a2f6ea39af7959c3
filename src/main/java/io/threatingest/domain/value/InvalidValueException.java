package io.threatingest.domain.value;

/** A value that its data type rejects. The message is the reason, short and lower case. */
public final class InvalidValueException extends Exception {

    public InvalidValueException(String reason) {
        super(reason, null, false, false);
    }
}
