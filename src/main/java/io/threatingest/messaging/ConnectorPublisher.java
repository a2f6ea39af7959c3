package io.threatingest.messaging;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.threatingest.config.IngestConfig;
import io.vertx.core.json.JsonObject;

/**
 * Publishing through the SmallRye AMQP connector: one outgoing channel per address, each message durable with
 * the event's properties; the {@code Uni} completes when the connector acknowledges the message (the broker
 * accepted it) and fails on a nack, on an emitter that cannot take the message, or after the publish timeout.
 */
@ApplicationScoped
public class ConnectorPublisher {

    private final Map<String, MutinyEmitter<byte[]>> emitters;
    private final Duration timeout;

    public ConnectorPublisher(IngestConfig config,
            @Channel("entities") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) MutinyEmitter<byte[]> entities,
            @Channel("associations") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) MutinyEmitter<byte[]> associations,
            @Channel("comments") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) MutinyEmitter<byte[]> comments,
            @Channel("scans") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) MutinyEmitter<byte[]> scans) {
        IngestConfig.Addresses addresses = config.addresses();
        this.emitters = Map.of(addresses.entities(), entities, addresses.associations(), associations,
                addresses.comments(), comments, addresses.scans(), scans);
        this.timeout = config.publish().timeout();
    }

    public Uni<Void> publish(OutgoingMessage message) {
        MutinyEmitter<byte[]> emitter = emitters.get(message.address());
        if (emitter == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("no channel for " + message.address()));
        }
        OutgoingAmqpMetadata metadata = OutgoingAmqpMetadata.builder()
                .withDurable(true)
                .withMessageId(message.messageId())
                .withSubject(message.subject())
                .withContentType(message.contentType())
                .withApplicationProperties(new JsonObject(message.applicationProperties()))
                .build();
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Message.of(message.body(), Metadata.of(metadata))))
                .ifNoItem().after(timeout).failWith(() -> new BrokerUnavailableException(
                        "the broker did not accept the message within " + timeout.toMillis() + " ms", null,
                        BrokerUnavailableException.Reason.TIMEOUT))
                .onFailure(failure -> !(failure instanceof BrokerUnavailableException))
                .transform(failure -> new BrokerUnavailableException("the broker did not accept the message: "
                        + failure.getMessage(), failure, failure instanceof IllegalStateException
                                ? BrokerUnavailableException.Reason.UNAVAILABLE
                                : BrokerUnavailableException.Reason.REFUSED));
    }
}
