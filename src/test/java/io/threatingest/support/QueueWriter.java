package io.threatingest.support;

import java.util.concurrent.TimeUnit;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.amqp.AmqpSenderOptions;
import io.vertx.core.Vertx;

/** An independent AMQP 1.0 producer, playing a scanner worker in tests. */
public final class QueueWriter implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final AmqpClient client;
    private final AmqpSender sender;

    public QueueWriter(BrokerEndpoint broker, String queue) throws Exception {
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(broker.host()).setPort(broker.port())
                .setUsername(broker.username()).setPassword(broker.password()));
        sender = client.connect()
                .compose(connection -> connection.createSender(queue, new AmqpSenderOptions().addCapability("queue")))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Sends a text body and waits until the broker has it. */
    public void send(String id, String body) throws Exception {
        sender.sendWithAck(AmqpMessage.create().id(id).durable(true).withBody(body).build())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
