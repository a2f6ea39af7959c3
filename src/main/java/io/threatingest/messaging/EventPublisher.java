package io.threatingest.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;
import io.threatingest.messaging.event.EntitySubmittedEvent;

/**
 * Turns events into AMQP messages: JSON body, message-id = submission id, subject = event type, and the
 * CloudEvents 1.0 attributes as application properties (binary content mode, {@code cloudEvents:} prefix).
 */
@ApplicationScoped
public class EventPublisher {

    public static final String CONTENT_TYPE = "application/json";
    public static final String CE_PREFIX = "cloudEvents:";

    private final AmqpPublisher publisher;
    private final ObjectMapper json;
    private final IngestConfig config;

    public EventPublisher(AmqpPublisher publisher, ObjectMapper json, IngestConfig config) {
        this.publisher = publisher;
        this.json = json;
        this.config = config;
    }

    public Uni<Void> publish(EntitySubmittedEvent event) {
        Map<String, Object> properties = cloudEventAttributes(event.submissionId(), EntitySubmittedEvent.TYPE,
                event.receivedAt());
        properties.put(CE_PREFIX + "subject", event.rootId());
        return publisher.publish(new OutgoingMessage(config.addresses().entities(), event.submissionId(),
                EntitySubmittedEvent.TYPE, CONTENT_TYPE, properties, serialise(event)));
    }

    private Map<String, Object> cloudEventAttributes(String id, String type, String time) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(CE_PREFIX + "specversion", "1.0");
        properties.put(CE_PREFIX + "id", id);
        properties.put(CE_PREFIX + "type", type);
        properties.put(CE_PREFIX + "source", config.events().source());
        properties.put(CE_PREFIX + "time", time);
        properties.put(CE_PREFIX + "datacontenttype", CONTENT_TYPE);
        return properties;
    }

    private byte[] serialise(Object event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event could not be serialised", e);
        }
    }
}
