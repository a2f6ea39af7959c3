package io.threatingest.messaging;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.threatingest.config.IngestConfig;

/**
 * Publishes events through the outgoing channels ({@link EventChannel}): JSON body, and an {@link EventEnvelope}
 * (the CloudEvents 1.0 attributes, the W3C trace context when there is one, the key) with the same attributes as
 * standard CloudEvents metadata. Completes when the broker behind the channel holds the event; fails with
 * {@link BrokerUnavailableException} when it does not within {@code ingest.publish.timeout}, or at once when more
 * than {@code ingest.publish.max-in-flight} events await their broker.
 */
@Startup
@ApplicationScoped
public class EventPublisher {

    public static final String CONTENT_TYPE = "application/json";
    /** The CloudEvents Kafka binding's extension for the record key. */
    static final String PARTITION_KEY = "partitionkey";

    private final Map<EventChannel, MutinyEmitter<byte[]>> channels = new EnumMap<>(EventChannel.class);
    private final Map<EventChannel, String> destinations = new EnumMap<>(EventChannel.class);
    /** Channels whose connector reads the standard CloudEvents metadata; {@link AmqpConnector} reads the envelope. */
    private final Set<EventChannel> cloudEventChannels = EnumSet.noneOf(EventChannel.class);
    private final ObjectMapper json;
    private final String source;
    private final URI sourceUri;
    private final PublishMetrics metrics;
    private final int maxInFlight;
    private final Duration timeout;
    private final AtomicInteger inFlight = new AtomicInteger();

    public EventPublisher(
            @Channel("entities") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<byte[]> entities,
            @Channel("associations") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<byte[]> associations,
            @Channel("comments") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<byte[]> comments,
            @Channel("scans") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<byte[]> scans,
            ObjectMapper json, IngestConfig config, Config settings, PublishMetrics metrics) {
        channels.put(EventChannel.ENTITIES, entities);
        channels.put(EventChannel.ASSOCIATIONS, associations);
        channels.put(EventChannel.COMMENTS, comments);
        channels.put(EventChannel.SCANS, scans);
        for (EventChannel channel : EventChannel.values()) {
            destinations.put(channel, AmqpConnector.defaultAddress(config.addresses(), channel.channel()));
            String connector = settings.getOptionalValue("mp.messaging.outgoing." + channel.channel() + ".connector",
                    String.class).orElse(AmqpConnector.NAME);
            if (!AmqpConnector.NAME.equals(connector)) {
                cloudEventChannels.add(channel);
            }
        }
        this.json = json;
        this.source = config.events().source();
        this.sourceUri = sourceUri(source);
        this.metrics = metrics;
        this.maxInFlight = config.publish().maxInFlight();
        this.timeout = config.publish().timeout();
        metrics.inFlight(inFlight);
    }

    /**
     * Publishes one event and completes when the broker holds it. Call it on the request's thread: the trace
     * context is taken from there.
     *
     * @param id the event id: message-id and CloudEvents id
     * @param time when the request was received, RFC 3339
     * @param subject the CloudEvents subject (what the event is about, and the event's key), or {@code null}
     */
    public Uni<Void> publish(EventChannel channel, String type, String id, String time, String subject, Object body) {
        Map<String, String> trace = new LinkedHashMap<>();
        TraceContext.addTo(trace);
        EventEnvelope envelope = new EventEnvelope(id, type, source, time, subject, CONTENT_TYPE, trace,
                subject == null ? id : subject);
        Metadata metadata = cloudEventChannels.contains(channel)
                ? Metadata.of(envelope, cloudEvent(envelope))
                : Metadata.of(envelope);
        Message<byte[]> message = Message.of(serialise(body), metadata);
        String destination = destinations.get(channel);
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            if (inFlight.incrementAndGet() > maxInFlight) {
                inFlight.decrementAndGet();
                BrokerUnavailableException overloaded = new BrokerUnavailableException(
                        "more than " + maxInFlight + " messages await the broker's settlement", null,
                        BrokerUnavailableException.Reason.OVERLOADED);
                metrics.record(destination, start, overloaded);
                return Uni.createFrom().failure(overloaded);
            }
            return channels.get(channel).sendMessage(message)
                    .ifNoItem().after(timeout).failWith(() -> new BrokerUnavailableException(
                            "the broker did not accept the message within " + timeout.toMillis() + " ms", null,
                            BrokerUnavailableException.Reason.TIMEOUT))
                    .onFailure(failure -> !(failure instanceof BrokerUnavailableException))
                    .transform(failure -> new BrokerUnavailableException(
                            "the broker did not accept the message: " + failure.getMessage(), failure,
                            BrokerUnavailableException.Reason.UNAVAILABLE))
                    .onTermination().invoke(inFlight::decrementAndGet)
                    .onItemOrFailure().invoke((ignored, failure) -> metrics.record(destination, start, failure));
        });
    }

    /** Checked at start: a CloudEvents source is a URI reference. */
    static URI sourceUri(String source) {
        try {
            return new URI(source);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("ingest.events.source must be a URI reference (the CloudEvents source), "
                    + "not '" + source + "': " + e.getReason());
        }
    }

    private OutgoingCloudEventMetadata<byte[]> cloudEvent(EventEnvelope envelope) {
        var builder = OutgoingCloudEventMetadata.<byte[]>builder()
                .withId(envelope.id())
                .withType(envelope.type())
                .withSource(sourceUri)
                .withTimestamp(ZonedDateTime.parse(envelope.time()))
                .withDataContentType(envelope.contentType())
                .withExtension(PARTITION_KEY, envelope.key());
        if (envelope.subject() != null) {
            builder.withSubject(envelope.subject());
        }
        envelope.trace().forEach(builder::withExtension);
        return builder.build();
    }

    private byte[] serialise(Object event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event could not be serialised", e);
        }
    }
}
