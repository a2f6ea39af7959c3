package io.threatingest.support;

import java.util.concurrent.TimeUnit;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.amqp.AmqpSenderOptions;
import io.vertx.core.Vertx;

/** A {@link QueueWriter} onto an AMQP 1.0 queue: its own Vert.x and connection, durable messages. */
public final class AmqpQueueWriter implements QueueWriter {

    private final Vertx vertx = Vertx.vertx();
    private final AmqpClient client;
    private final AmqpSender sender;

    public AmqpQueueWriter(BrokerEndpoint broker, String queue) throws Exception {
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(broker.host()).setPort(broker.port())
                .setUsername(broker.username()).setPassword(broker.password()));
        sender = client.connect()
                .compose(connection -> connection.createSender(queue, new AmqpSenderOptions().addCapability("queue")))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
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
