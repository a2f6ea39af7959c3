package io.threatingest.messaging;

/**
 * The outgoing event channels. The deployment chooses the broker behind each
 * ({@code mp.messaging.outgoing.<channel>.connector}: {@code threat-ingest-amqp} by default, or
 * {@code smallrye-kafka}); nothing else in the service knows which it is.
 */
public enum EventChannel {

    ENTITIES("entities"), ASSOCIATIONS("associations"), COMMENTS("comments"), SCANS("scans");

    private final String channel;

    EventChannel(String channel) {
        this.channel = channel;
    }

    /** The channel's name in {@code mp.messaging.outgoing.<name>.*}. */
    public String channel() {
        return channel;
    }
}
