package io.threatingest.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    /** The topics the channels use by default (the AMQP addresses' names), made with one partition each. */
    public static final List<String> TOPICS = EmbeddedBrokerResource.QUEUES;

    private KafkaServer kafka;

    @Override
    public Map<String, String> start() {
        try {
            kafka = new KafkaServer().start();
            for (String topic : TOPICS) {
                kafka.createTopic(topic, 1);
            }
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Kafka did not start", e);
        }
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
