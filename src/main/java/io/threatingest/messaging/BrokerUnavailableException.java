package io.threatingest.messaging;

/** The broker did not accept a message: unreachable, refusing, or too slow. Nothing may be acknowledged. */
public final class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
