package io.threatingest.config;

/**
 * A request that needs what the service's own configuration does not give it (a feature switched off, a key missing
 * or not the one that sealed a value): the caller did nothing wrong, so it is answered 503 with the reason, never
 * as a client error.
 */
public class NotConfiguredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotConfiguredException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
