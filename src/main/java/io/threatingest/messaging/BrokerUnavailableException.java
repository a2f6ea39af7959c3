package io.threatingest.messaging;

/** The broker did not accept a message: unreachable, refusing, or too slow. Nothing may be acknowledged. */
public final class BrokerUnavailableException extends RuntimeException {

    /** Why, as a metric tag. */
    public enum Reason {

        /** No connection or no sender link to the address. */
        UNAVAILABLE,
        /** The broker settled the message other than accepted (rejected, released, modified). */
        REFUSED,
        /** No settlement within the publish timeout. */
        TIMEOUT,
        /** Not sent: this instance already has {@code ingest.publish.max-in-flight} messages awaiting settlement. */
        OVERLOADED;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;

    public BrokerUnavailableException(String message, Throwable cause, Reason reason) {
        super(message, cause, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
