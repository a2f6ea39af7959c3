package io.threatingest.support;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.qpid.proton.amqp.messaging.AmqpValue;

import io.threatingest.messaging.TraceContext;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** A {@link QueueReader} of an AMQP 1.0 queue: its own Vert.x and connection, events indexed by message-id. */
public final class AmqpQueueReader extends QueueReader {

    private static final String CE_PREFIX = "cloudEvents:";

    private final Vertx vertx = Vertx.vertx();
    private final AmqpClient client;

    public AmqpQueueReader(int port, String queue) throws Exception {
        this(new BrokerEndpoint("127.0.0.1", port, null, null), queue);
    }

    public AmqpQueueReader(BrokerEndpoint broker, String queue) throws Exception {
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(broker.host()).setPort(broker.port())
                .setUsername(broker.username()).setPassword(broker.password()));
        client.connect()
                .compose(connection -> connection.createReceiver(queue,
                        new AmqpReceiverOptions().addCapability("queue")))
                .onSuccess(receiver -> receiver.handler(message -> receive(event(queue, message))))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static DeliveredEvent event(String queue, AmqpMessage message) {
        Map<String, String> attributes = new HashMap<>();
        JsonObject properties = message.applicationProperties();
        if (properties != null) {
            properties.forEach(property -> {
                String name = property.getKey();
                if (name.startsWith(CE_PREFIX)) {
                    attributes.put(name.substring(CE_PREFIX.length()), String.valueOf(property.getValue()));
                } else if (TraceContext.TRACEPARENT.equals(name) || TraceContext.TRACESTATE.equals(name)) {
                    attributes.put(name, String.valueOf(property.getValue()));
                }
            });
        }
        return new DeliveredEvent(queue, message.id(), message.subject(), message.isDurable(), message.contentType(),
                attributes, body(message));
    }

    /** The service sends a data section; a scanner's report (dead-lettered as it came) may be an AMQP string. */
    private static Buffer body(AmqpMessage message) {
        if (message.unwrap().getBody() instanceof AmqpValue value && value.getValue() instanceof String text) {
            return Buffer.buffer(text);
        }
        return message.bodyAsBinary();
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
