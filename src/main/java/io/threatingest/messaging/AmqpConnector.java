package io.threatingest.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Section;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.health.HealthReporter;
import io.threatingest.config.IngestConfig;
import io.vertx.amqp.AmqpMessage;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The tuned AMQP 1.0 transport ({@link BrokerConnection}) as a reactive messaging connector, the default of every
 * channel. Outgoing: each message goes out durable, with message-id, subject and the {@code cloudEvents:}
 * application properties of its {@link EventEnvelope}; it is acknowledged once the broker accepted it and nacked
 * with {@link BrokerUnavailableException} otherwise. Incoming: each broker message becomes a message whose ack
 * accepts it and whose nack rejects it (the broker dead-letters it). The connector never ends a channel: no failure
 * of a message, the broker or the connection stops later messages. Attribute: {@code address} (default: the
 * channel's {@code ingest.addresses.*}).
 */
@ApplicationScoped
@Connector(AmqpConnector.NAME)
public class AmqpConnector implements InboundConnector, OutboundConnector, HealthReporter {

    public static final String NAME = "threat-ingest-amqp";
    static final String CE_PREFIX = "cloudEvents:";

    private static final Logger LOG = Logger.getLogger(AmqpConnector.class);

    private final BrokerConnection broker;
    private final IngestConfig.Addresses addresses;
    private final Set<String> channels = ConcurrentHashMap.newKeySet();

    public AmqpConnector(BrokerConnection broker, IngestConfig config) {
        this.broker = broker;
        this.addresses = config.addresses();
    }

    /** The address of a channel when its {@code address} attribute is not set. */
    static String defaultAddress(IngestConfig.Addresses addresses, String channel) {
        return switch (channel) {
            case "entities" -> addresses.entities();
            case "associations" -> addresses.associations();
            case "comments" -> addresses.comments();
            case "scans" -> addresses.scans();
            case "scan-status" -> addresses.scanStatus();
            default -> channel;
        };
    }

    /** Whether any channel goes through this connector (only then is the broker connection needed). */
    public boolean used() {
        return !channels.isEmpty();
    }

    @Override
    public Flow.Subscriber<? extends Message<?>> getSubscriber(Config config) {
        String address = address(config);
        broker.openSenderEarly(address);
        broker.start();
        return new Sender(address);
    }

    @Override
    public Flow.Publisher<? extends Message<?>> getPublisher(Config config) {
        String address = address(config);
        broker.start();
        return Multi.createFrom().emitter(emitter -> broker.subscribe(address, amqp -> emitter.emit(incoming(amqp))));
    }

    @Override
    public HealthReport getReadiness() {
        HealthReport.HealthReportBuilder report = HealthReport.builder();
        channels.forEach(channel -> report.add(channel, broker.isConnected()));
        return report.build();
    }

    private String address(Config config) {
        String channel = config.getValue("channel-name", String.class);
        channels.add(channel);
        return config.getOptionalValue("address", String.class).orElse(defaultAddress(addresses, channel));
    }

    /** Settles on the connection's context, whichever thread acknowledges. */
    private static Message<byte[]> incoming(AmqpMessage amqp) {
        Context context = Vertx.currentContext();
        byte[] body = bytes(amqp.unwrap().getBody());
        return Message.of(body, Metadata.of(new IncomingAmqpMetadata(amqp.id())),
                metadata -> settle(context, amqp::accepted),
                (failure, metadata) -> settle(context, amqp::rejected));
    }

    /** A data section's bytes, or a string value's (UTF-8); nothing for any other body. */
    static byte[] bytes(Section body) {
        if (body instanceof Data data) {
            Binary binary = data.getValue();
            return Arrays.copyOfRange(binary.getArray(), binary.getArrayOffset(),
                    binary.getArrayOffset() + binary.getLength());
        }
        if (body instanceof AmqpValue value && value.getValue() instanceof String string) {
            return string.getBytes(StandardCharsets.UTF_8);
        }
        return new byte[0];
    }

    private static CompletionStage<Void> settle(Context context, Runnable settlement) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            settlement.run();
            done.complete(null);
        });
        return done;
    }

    /** The broker's message-id of an incoming message, for logs. */
    public record IncomingAmqpMetadata(Object messageId) {
    }

    /** Sends every message it is given, as it comes: it asks for all at once and never cancels. */
    private final class Sender implements Flow.Subscriber<Message<?>> {

        private final String address;

        Sender(String address) {
            this.address = address;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(Message<?> message) {
            OutgoingMessage amqp;
            try {
                amqp = outgoing(address, message);
            } catch (RuntimeException e) {
                message.nack(e);
                return;
            }
            broker.publish(amqp).subscribe().with(ignored -> message.ack(), message::nack);
        }

        @Override
        public void onError(Throwable failure) {
            LOG.errorf(failure, "The channel to %s failed upstream", address);
        }

        @Override
        public void onComplete() {
            LOG.debugf("The channel to %s completed", address);
        }
    }

    static OutgoingMessage outgoing(String address, Message<?> message) {
        if (!(message.getPayload() instanceof byte[] body)) {
            throw new IllegalArgumentException("the payload of a message to " + address + " is not bytes");
        }
        EventEnvelope envelope = message.getMetadata(EventEnvelope.class).orElseThrow(
                () -> new IllegalArgumentException("a message to " + address + " carries no event envelope"));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(CE_PREFIX + "specversion", "1.0");
        properties.put(CE_PREFIX + "id", envelope.id());
        properties.put(CE_PREFIX + "type", envelope.type());
        properties.put(CE_PREFIX + "source", envelope.source());
        properties.put(CE_PREFIX + "time", envelope.time());
        properties.put(CE_PREFIX + "datacontenttype", envelope.contentType());
        if (envelope.subject() != null) {
            properties.put(CE_PREFIX + "subject", envelope.subject());
        }
        properties.putAll(envelope.trace());
        return new OutgoingMessage(address, envelope.id(), envelope.type(), envelope.contentType(), properties, body);
    }
}
