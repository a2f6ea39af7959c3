package io.threatingest.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an event carries besides its body, whatever the transport: its CloudEvents attributes as the service wrote
 * them, the caller's W3C trace context, and the key that keeps one entity's events in order. A connector maps it to
 * its transport ({@link AmqpConnector}: message-id, subject and {@code cloudEvents:} application properties); the
 * same attributes also travel as standard CloudEvents metadata for the connectors that read that (Kafka).
 *
 * @param time RFC 3339, exactly as in the event
 * @param subject what the event is about, or {@code null}
 * @param trace {@code traceparent} and {@code tracestate} when the request had them, in that order
 * @param key the event's key: its subject, else its id
 */
public record EventEnvelope(String id, String type, String source, String time, String subject,
        String contentType, Map<String, String> trace, String key) {

    public EventEnvelope {
        trace = Collections.unmodifiableMap(new LinkedHashMap<>(trace));
    }
}
