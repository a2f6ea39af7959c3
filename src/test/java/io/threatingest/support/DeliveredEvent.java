package io.threatingest.support;

import java.util.Map;

import io.vertx.core.buffer.Buffer;

/**
 * An event as a consumer of the test broker received it, whatever the transport: where it was (queue or topic),
 * its id (AMQP message-id, Kafka {@code ce_id}), its type (AMQP subject, Kafka {@code ce_type}), whether it was sent
 * durable (Kafka keeps every record it acknowledged), its content type, its CloudEvents attributes by name (AMQP
 * {@code cloudEvents:} application properties and the trace context's {@code traceparent} and {@code tracestate};
 * Kafka {@code ce_} headers) and its body.
 */
public record DeliveredEvent(String address, String id, String type, boolean durable, String contentType,
        Map<String, String> attributes, Buffer body) {

    /** The CloudEvents attribute of that name ({@code subject}, {@code time}, {@code traceparent} ...), or null. */
    public String attribute(String name) {
        return attributes.get(name);
    }
}
