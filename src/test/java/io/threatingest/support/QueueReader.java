package io.threatingest.support;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpMessage;
import io.vertx.core.Vertx;

/**
 * An independent AMQP 1.0 consumer (its own Vert.x and connection) that drains a queue and indexes what it
 * receives by message-id, so that a test finds its own message whatever else is on the queue.
 */
public final class QueueReader implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final AmqpClient client;
    private final Map<String, AmqpMessage> received = new ConcurrentHashMap<>();

    public QueueReader(int port, String queue) throws Exception {
        this(new BrokerEndpoint("127.0.0.1", port, null, null), queue);
    }

    public QueueReader(BrokerEndpoint broker, String queue) throws Exception {
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(broker.host()).setPort(broker.port())
                .setUsername(broker.username()).setPassword(broker.password()));
        client.connect()
                .compose(connection -> connection.createReceiver(queue,
                        new io.vertx.amqp.AmqpReceiverOptions().addCapability("queue")))
                .onSuccess(receiver -> receiver.handler(message -> received.put(message.id(), message)))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The message with this message-id, waiting for it up to the timeout; fails the test if it never comes. */
    public AmqpMessage await(String messageId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            AmqpMessage message = received.get(messageId);
            if (message != null) {
                return message;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no message with message-id " + messageId + " within " + timeout);
    }

    public Collection<AmqpMessage> received() {
        return received.values();
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
