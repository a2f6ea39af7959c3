package io.threatingest.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;

/**
 * Turns events into AMQP messages: JSON body, message-id = the event id, subject = event type, and the
 * CloudEvents 1.0 attributes as application properties (binary content mode, {@code cloudEvents:} prefix), with
 * the W3C trace context when there is one.
 */
@ApplicationScoped
public class EventPublisher {

    public static final String CONTENT_TYPE = "application/json";
    public static final String CE_PREFIX = "cloudEvents:";

    private final BrokerConnection publisher;
    private final ObjectMapper json;
    private final String source;
    private final PublishMetrics metrics;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    public EventPublisher(BrokerConnection publisher, ObjectMapper json, IngestConfig config, PublishMetrics metrics) {
        this.publisher = publisher;
        this.json = json;
        this.source = config.events().source();
        this.metrics = metrics;
        this.maxInFlight = config.publish().maxInFlight();
        metrics.inFlight(inFlight);
    }

    /**
     * Publishes one event and completes when the broker holds it.
     *
     * @param id the event id: message-id and CloudEvents id
     * @param time when the request was received, RFC 3339
     * @param subject the CloudEvents subject (what the event is about), or {@code null}
     */
    public Uni<Void> publish(String address, String type, String id, String time, String subject, Object body) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(CE_PREFIX + "specversion", "1.0");
        properties.put(CE_PREFIX + "id", id);
        properties.put(CE_PREFIX + "type", type);
        properties.put(CE_PREFIX + "source", source);
        properties.put(CE_PREFIX + "time", time);
        properties.put(CE_PREFIX + "datacontenttype", CONTENT_TYPE);
        if (subject != null) {
            properties.put(CE_PREFIX + "subject", subject);
        }
        TraceContext.addTo(properties);
        OutgoingMessage message = new OutgoingMessage(address, id, type, CONTENT_TYPE, properties, serialise(body));
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            if (inFlight.incrementAndGet() > maxInFlight) {
                inFlight.decrementAndGet();
                BrokerUnavailableException overloaded = new BrokerUnavailableException(
                        "more than " + maxInFlight + " messages await the broker's settlement", null,
                        BrokerUnavailableException.Reason.OVERLOADED);
                metrics.record(address, start, overloaded);
                return Uni.createFrom().failure(overloaded);
            }
            return publisher.publish(message)
                    .onTermination().invoke(inFlight::decrementAndGet)
                    .onItemOrFailure().invoke((ignored, failure) -> metrics.record(address, start, failure));
        });
    }

    private byte[] serialise(Object event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event could not be serialised", e);
        }
    }
}
