package io.threatingest.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.amqp.AmqpSender;
import io.vertx.amqp.AmqpSenderOptions;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * The service's one AMQP 1.0 connection. It publishes durable messages and completes each publish only when
 * the broker has accepted it (a settled {@code accepted} disposition); many messages are in flight at once on
 * the same link, nothing waits for the previous acknowledgement. It also feeds subscriptions (incoming
 * addresses) with manual acknowledgement. A lost connection is re-established on the next publish and by a
 * periodic check, and every subscription is attached again, so the service recovers by itself after a broker
 * restart.
 *
 * <p>All connection state is confined to one dedicated event-loop context: that of a verticle deployed for the
 * purpose (a public way to own a context; a context taken from the calling thread would be a request's).
 */
@ApplicationScoped
public class BrokerConnection {

    private static final Logger LOG = Logger.getLogger(BrokerConnection.class);

    /** Target capability asking brokers such as Artemis for anycast (queue) semantics. */
    private static final String QUEUE_CAPABILITY = "queue";

    private final Vertx vertx;
    private final IngestConfig.Broker settings;
    private final Duration timeout;
    private final Instance<TlsConfigurationRegistry> tlsRegistry;
    private final Map<String, Future<AmqpSender>> senders = new HashMap<>();
    private final Map<String, Consumer<AmqpMessage>> subscriptions = new ConcurrentHashMap<>();
    private final Set<String> outgoing = ConcurrentHashMap.newKeySet();
    private final Set<String> attached = new HashSet<>();
    private final Future<Context> context;
    private final AmqpClient client;
    private Future<AmqpConnection> connection;
    private long links;
    private long lastFailureNanos;
    private Throwable lastFailure;
    private volatile boolean connected;
    private volatile boolean closed;
    private final AtomicBoolean started = new AtomicBoolean();

    public BrokerConnection(Vertx vertx, IngestConfig config, Instance<TlsConfigurationRegistry> tlsRegistry) {
        this.vertx = vertx;
        this.settings = config.broker();
        this.timeout = config.publish().timeout();
        this.tlsRegistry = tlsRegistry;
        Promise<Context> owned = Promise.promise();
        vertx.deployVerticle(new AbstractVerticle() {

            @Override
            public void start() {
                owned.complete(context);
            }
        }).onFailure(failure -> {
            LOG.errorf("Cannot deploy the AMQP connection's verticle: %s", failure.getMessage());
            owned.tryFail(failure);
        });
        this.context = owned.future();
        this.client = AmqpClient.create(vertx, clientOptions());
    }

    /** Runs an action on the connection's context, once that exists (the verticle deploys asynchronously). */
    private void onContext(Runnable action) {
        context.onSuccess(owned -> owned.runOnContext(v -> action.run()));
    }

    /**
     * Connects, and keeps trying while disconnected, so that readiness reflects the broker. Called when a channel
     * goes through {@link AmqpConnector} (at start); a service whose channels all go elsewhere never connects.
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        long interval = Math.max(100, settings.reconnectInterval().toMillis());
        onContext(() -> {
            connection();
            vertx.setPeriodic(interval, id -> {
                if (closed) {
                    vertx.cancelTimer(id);
                } else if (!connected) {
                    connection();
                }
            });
        });
    }

    void stop(@Observes ShutdownEvent event) {
        closed = true;
        connected = false;
        client.close();
        // The verticle is left to Vert.x, which undeploys every verticle as it closes: undeploying it here too raced
        // with that and logged "Already undeployed" as an error at every clean shutdown.
    }

    /**
     * Opens a sender link to {@code address} as soon as each connection is up, so that the first publish after a
     * start or a reconnection does not wait for the link (nor for its code to be loaded).
     */
    public void openSenderEarly(String address) {
        outgoing.add(address);
    }

    /**
     * Receives every message sent to {@code address}, now and after each reconnection. The handler runs on the
     * connection's event loop and must settle each message ({@code accepted()}, {@code rejected()}, ...) quickly.
     */
    public void subscribe(String address, Consumer<AmqpMessage> handler) {
        subscriptions.put(address, handler);
        onContext(() -> {
            if (connection != null && connection.succeeded()) {
                attach(connection.result(), address, handler);
            }
        });
    }

    /** On the context: one receiver per address and connection. */
    private void attach(AmqpConnection conn, String address, Consumer<AmqpMessage> handler) {
        if (!attached.add(address)) {
            return;
        }
        conn.createReceiver(address, new AmqpReceiverOptions().setAutoAcknowledgement(false)
                .setLinkName("threat-ingest-in-" + address + "-" + ++links).addCapability(QUEUE_CAPABILITY))
                .onSuccess(receiver -> receiver.handler(handler::accept))
                .onFailure(failure -> {
                    attached.remove(address);
                    LOG.warnf("Cannot receive from %s: %s", address, failure.getMessage());
                });
    }

    /** Whether a connection to the broker is open right now. */
    public boolean isConnected() {
        return connected;
    }

    /**
     * Sends one durable message. The returned {@code Uni} completes when the broker has accepted it and fails
     * with {@link BrokerUnavailableException} when the broker is unreachable, refuses it, or does not answer
     * within the publish timeout.
     */
    public Uni<Void> publish(OutgoingMessage message) {
        AmqpMessage amqp = toAmqp(message);
        AtomicReference<AmqpSender> used = new AtomicReference<>();
        return Uni.createFrom().<Void>emitter(emitter -> onContext(() -> sender(message.address())
                .compose(sender -> {
                    used.set(sender);
                    return sender.sendWithAck(amqp);
                })
                .onComplete(result -> {
                    if (result.succeeded()) {
                        emitter.complete(null);
                    } else {
                        emitter.fail(result.cause());
                    }
                })))
                .ifNoItem().after(timeout).failWith(() -> {
                    recycle(message.address(), used.get());
                    return new BrokerUnavailableException(
                            "the broker did not accept the message within " + timeout.toMillis() + " ms", null,
                            BrokerUnavailableException.Reason.TIMEOUT);
                })
                .onFailure(failure -> !(failure instanceof BrokerUnavailableException))
                .transform(failure -> new BrokerUnavailableException("the broker did not accept the message: "
                        + failure.getMessage(), failure,
                        used.get() == null
                                ? BrokerUnavailableException.Reason.UNAVAILABLE
                                : BrokerUnavailableException.Reason.REFUSED));
    }

    private static AmqpMessage toAmqp(OutgoingMessage message) {
        return AmqpMessage.create()
                .id(message.messageId())
                .durable(true)
                .subject(message.subject())
                .contentType(message.contentType())
                .applicationProperties(new JsonObject(message.applicationProperties()))
                .withBufferAsBody(Buffer.buffer(message.body()))
                .build();
    }

    /** On the context: an open sender link for the address, created (with its connection) when needed. */
    private Future<AmqpSender> sender(String address) {
        Future<AmqpSender> cached = senders.get(address);
        if (cached != null && !cached.failed() && (!cached.succeeded() || cached.result().unwrap().isOpen())) {
            return cached;
        }
        Future<AmqpSender> created = connection().compose(conn -> conn.createSender(address,
                new AmqpSenderOptions().setLinkName("threat-ingest-" + address + "-" + ++links)
                        .addCapability(QUEUE_CAPABILITY)));
        senders.put(address, created);
        created.onFailure(failure -> senders.remove(address, created));
        created.onSuccess(sender -> sender.exceptionHandler(failure -> {
            LOG.debugf("AMQP sender link to %s failed: %s", address, failure.getMessage());
            senders.remove(address, created);
        }));
        return created;
    }

    /**
     * Closes a sender link that let a message wait past the publish timeout. A broker can stop granting credit
     * on a link (Artemis does after refusing a message for a full address) and never grant it again; a new link
     * starts with fresh credit. Messages still waiting on the old link were answered 503 and are dropped with it.
     */
    private void recycle(String address, AmqpSender stale) {
        if (stale == null) {
            return;
        }
        onContext(() -> {
            Future<AmqpSender> cached = senders.get(address);
            if (cached != null && cached.succeeded() && cached.result() == stale) {
                senders.remove(address);
                LOG.warnf("Recycling the AMQP sender link to %s: no acknowledgement within %d ms (credit %d)",
                        address, timeout.toMillis(), stale.remainingCredits());
                stale.close();
            }
        });
    }

    /** On the context: the current connection, or a new attempt unless the last one failed very recently. */
    private Future<AmqpConnection> connection() {
        if (closed) {
            return Future.failedFuture(new IllegalStateException("the publisher is shut down"));
        }
        if (connection != null) {
            return connection;
        }
        long sinceFailure = System.nanoTime() - lastFailureNanos;
        if (lastFailure != null && sinceFailure < settings.reconnectInterval().toNanos()) {
            return Future.failedFuture(lastFailure);
        }
        Future<AmqpConnection> attempt = client.connect();
        connection = attempt;
        attempt.onSuccess(conn -> {
            lastFailure = null;
            connected = true;
            LOG.infof("Connected to AMQP broker %s:%d", settings.host(), settings.port());
            conn.exceptionHandler(failure -> LOG.debugf("AMQP connection error: %s", failure.getMessage()));
            conn.closeFuture().onComplete(done -> dropConnection(attempt, "connection closed"));
            subscriptions.forEach((address, handler) -> attach(conn, address, handler));
            outgoing.forEach(this::sender);
        });
        attempt.onFailure(failure -> {
            lastFailure = failure;
            lastFailureNanos = System.nanoTime();
            dropConnection(attempt, failure.getMessage());
        });
        return attempt;
    }

    private void dropConnection(Future<AmqpConnection> lost, String reason) {
        if (connection != lost) {
            return;
        }
        if (connected) {
            LOG.warnf("Lost the AMQP broker connection (%s); reconnecting", reason);
        } else {
            LOG.debugf("AMQP broker not reachable: %s", reason);
        }
        connection = null;
        connected = false;
        senders.clear();
        attached.clear();
    }

    private AmqpClientOptions clientOptions() {
        AmqpClientOptions options = new AmqpClientOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReconnectAttempts(0)
                .setContainerId("threat-ingest");
        settings.username().ifPresent(options::setUsername);
        settings.password().ifPresent(options::setPassword);
        settings.virtualHost().ifPresent(options::setVirtualHost);
        if (settings.tls()) {
            options.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
            settings.tlsConfigurationName().ifPresent(name -> applyTls(options, name));
        }
        return options;
    }

    private void applyTls(AmqpClientOptions options, String name) {
        TlsConfiguration tls = tlsRegistry.get().get(name).orElseThrow(() -> new IllegalStateException(
                "ingest.broker.tls-configuration-name names an unknown TLS configuration: " + name));
        if (tls.getTrustStoreOptions() != null) {
            options.setTrustOptions(tls.getTrustStoreOptions());
        }
        if (tls.getKeyStoreOptions() != null) {
            options.setKeyCertOptions(tls.getKeyStoreOptions());
        }
    }
}
