package io.threatingest.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.threatingest.local.EmbeddedBroker;

/**
 * A real Artemis broker (AMQP 1.0) on a free port with a fresh data directory, one per application start. With
 * {@code -Dtest.broker=host:port} the tests use that standalone broker instead (see {@link BrokerEndpoint}); with
 * {@code -Dtest.transport=kafka} every channel goes to Kafka instead, one test broker for the whole test JVM
 * ({@link KafkaServerResource#shared()}). The tests that stop, restart or reconfigure the broker need the embedded
 * one and are skipped in both cases ({@link NeedsEmbeddedBroker}), those about AMQP alone under Kafka
 * ({@link AmqpOnly}).
 */
public class EmbeddedBrokerResource implements QuarkusTestResourceLifecycleManager {

    public static final String ENTITIES = "ingest.entities";
    /** The service's default addresses, each declared as a durable anycast queue. */
    public static final List<String> QUEUES = List.of(ENTITIES, "ingest.associations", "ingest.comments",
            "ingest.scans", "ingest.scan-status");

    private EmbeddedBroker broker;
    private KafkaServer kafka;
    private BrokerEndpoint endpoint;
    private BrokerQueues queues;
    private Path dataDir;
    private boolean persistent;
    private String prefix = "ingest.broker.";

    /**
     * {@code persistent=true} keeps messages across a broker restart (journal on disk); {@code settings=amqp} hands
     * the broker to the application as the Quarkus AMQP guide's {@code amqp-host}, {@code amqp-port}, ... instead of
     * {@code ingest.broker.*}.
     */
    @Override
    public void init(Map<String, String> initArgs) {
        persistent = Boolean.parseBoolean(initArgs.getOrDefault("persistent", "false"));
        prefix = "amqp".equals(initArgs.get("settings")) ? "amqp-" : "ingest.broker.";
    }

    @Override
    public Map<String, String> start() {
        if (KafkaServerResource.TRANSPORT_IS_KAFKA) {
            kafka = KafkaServerResource.shared();
            queues = new BrokerQueues(kafka);
            return KafkaServerResource.settings(kafka);
        }
        endpoint = BrokerEndpoint.external();
        if (endpoint != null) {
            queues = new BrokerQueues(endpoint);
            Map<String, String> config = new HashMap<>(Map.of(prefix + "host", endpoint.host(),
                    prefix + "port", Integer.toString(endpoint.port())));
            if (endpoint.username() != null) {
                config.put(prefix + "username", endpoint.username());
                config.put(prefix + "password", endpoint.password());
            }
            return config;
        }
        try {
            dataDir = Files.createTempDirectory("threat-ingest-test-broker");
            broker = new EmbeddedBroker("127.0.0.1", 0, dataDir.toString(), persistent, QUEUES).start();
        } catch (Exception e) {
            throw new IllegalStateException("embedded broker did not start", e);
        }
        endpoint = new BrokerEndpoint("127.0.0.1", broker.port(), null, null);
        queues = new BrokerQueues(endpoint);
        return Map.of(prefix + "host", "127.0.0.1", prefix + "port", Integer.toString(broker.port()));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(broker,
                new TestInjector.AnnotatedAndMatchesType(InjectBroker.class, EmbeddedBroker.class));
        injector.injectIntoFields(queues,
                new TestInjector.AnnotatedAndMatchesType(InjectBroker.class, BrokerQueues.class));
    }

    @Override
    public void stop() {
        try {
            queues.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (kafka != null) {
            kafka.closeClients(); // the broker serves the JVM's next application start
        }
        if (broker == null) {
            return;
        }
        try {
            broker.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(dataDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
