package io.threatingest.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The Kafka connector for a test's application: a fresh {@link KafkaServer} per application start, with the
 * service's default topics made, every channel of the service switched to {@code smallrye-kafka}, and the server
 * injected into fields annotated {@link InjectKafka}.
 */
public class KafkaServerResource implements QuarkusTestResourceLifecycleManager {

    /** The service's outgoing channels. */
    public static final List<String> OUTGOING = List.of("entities", "associations", "comments", "scans");
    /** The service's incoming channel: the scanners' status reports. */
    public static final String INCOMING = "scan-status";
    /** Where scan status reports that cannot be applied go (the service's default dead-letter topic). */
    public static final String DEAD_LETTERS = "ingest.scan-status.dead-letter";
    /**
     * The topics the channels use by default (the AMQP addresses' names) and the dead-letter topic, made with one
     * partition each.
     */
    public static final List<String> TOPICS = Stream.concat(EmbeddedBrokerResource.QUEUES.stream(),
            Stream.of(DEAD_LETTERS)).toList();
    /**
     * The entities topic as README "Choosing the broker" asks for it: records up to 16 MiB (one tree each); its
     * segments larger than such a record (this test broker's are 1 MiB, Kafka's default is 1 GiB).
     */
    static final Map<String, String> ENTITIES_TOPIC = Map.of("max.message.bytes", "16777216", "segment.bytes",
            "33554432");
    /** {@code -Dtest.transport=kafka}: the broker-facing tests run against Kafka (scripts/kafka-suite.sh). */
    public static final boolean TRANSPORT_IS_KAFKA = "kafka".equals(System.getProperty("test.transport"));

    /** Where the JVM's shared broker listens, once started (a system property: every class loader sees it). */
    private static final String SHARED = "test.kafka.shared";

    private KafkaServer kafka;

    /**
     * One broker for every application start of this JVM under {@code -Dtest.transport=kafka}, started on first use
     * and ended by {@link KafkaServer}'s shutdown hook: topics and records stay from one start to the next, and
     * readers find events by id. Each start loads this class afresh, so the broker is found again through a system
     * property and attached to ({@link KafkaServer#attach}).
     */
    static synchronized KafkaServer shared() {
        String running = System.getProperty(SHARED);
        if (running != null) {
            return KafkaServer.attach(running);
        }
        KafkaServer kafka = started();
        System.setProperty(SHARED, kafka.bootstrapServers());
        return kafka;
    }

    private static KafkaServer started() {
        KafkaServer kafka = null;
        try {
            kafka = new KafkaServer().start();
            for (String topic : TOPICS) {
                kafka.createTopic(topic, 1, topic.equals(EmbeddedBrokerResource.ENTITIES) ? ENTITIES_TOPIC : Map.of());
            }
            return kafka;
        } catch (Exception e) {
            if (kafka != null) {
                try {
                    kafka.close();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            throw new IllegalStateException("Kafka did not start", e);
        }
    }

    @Override
    public Map<String, String> start() {
        kafka = started();
        return settings(kafka);
    }

    /** The application's settings for this server: every channel on the Kafka connector. */
    static Map<String, String> settings(KafkaServer kafka) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        for (String channel : OUTGOING) {
            config.put("mp.messaging.outgoing." + channel + ".connector", "smallrye-kafka");
        }
        config.put("mp.messaging.incoming." + INCOMING + ".connector", "smallrye-kafka");
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(kafka,
                new TestInjector.AnnotatedAndMatchesType(InjectKafka.class, KafkaServer.class));
    }

    @Override
    public void stop() {
        if (kafka == null) {
            return;
        }
        try {
            kafka.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            kafka = null;
        }
    }
}
