package io.threatingest.state;

/** The state backend could not be asked in time; the request may be retried (503 with Retry-After). */
public class StateUnavailableException extends RuntimeException {

    public StateUnavailableException(String message) {
        super(message, null, false, false);
    }
}
