package io.threatingest.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * The test Kafka broker itself, without the service, started the way a Quarkus test gets it
 * ({@link KafkaServerResource}, injected into an {@link InjectKafka} field): the configuration points every channel
 * at it and the default topics exist; records written with keys and headers are read back intact; a compacted topic
 * is made as such; a write fails within a bounded time while the broker is down; after a restart on the same ports
 * the records are still there and new ones are taken; and no broker process is left at the end.
 */
class KafkaServerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "kafka-server-test";

    @InjectKafka
    KafkaServer kafka;

    @Test
    void recordsSurviveAnOutageAndARestart() throws Exception {
        KafkaServerResource resource = new KafkaServerResource();
        Map<String, String> config = resource.start();
        long pid;
        try {
            resource.inject(this::inject);
            assertConfiguration(config);
            pid = outageAndRestart();
        } finally {
            resource.stop();
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "Kafka still runs");
    }

    private long outageAndRestart() throws Exception {
        long firstRss = kafka.rssKiB();
        kafka.createTopic(TOPIC, 3, false);
        for (int i = 1; i <= 3; i++) {
            kafka.send(TOPIC, "key-" + i, Map.of("scanner", "scanner-" + i, "attempt", "" + i), "value " + i);
        }
        assertThreeRecords(kafka.read(TOPIC, 3, WAIT));
        assertCompacted();

        kafka.stop();
        assertFalse(kafka.isRunning());
        long before = System.nanoTime();
        assertThrows(KafkaException.class, () -> kafka.send(TOPIC, "key-x", Map.of(), "lost"));
        Duration failedAfter = Duration.ofNanos(System.nanoTime() - before);
        assertTrue(failedAfter.compareTo(Duration.ofSeconds(20)) < 0, "the write failed after " + failedAfter);

        kafka.restart();
        assertEquals(Duration.ZERO, kafka.formatTime(), "a restart keeps the formatted log directory");
        assertThreeRecords(kafka.read(TOPIC, 3, WAIT));
        kafka.send(TOPIC, "key-4", Map.of("scanner", "scanner-4"), "value 4");
        List<KafkaServer.Record> all = kafka.read(TOPIC, 4, WAIT);
        assertEquals(4, all.size(), "records after the restart: " + all);
        assertTrue(all.stream().anyMatch(r -> "key-4".equals(r.key()) && "value 4".equals(r.valueAsString())));
        System.out.printf("Kafka: write failed %d ms after the outage; RSS %d MiB after the first start, "
                + "%d MiB after the restart%n", failedAfter.toMillis(), firstRss / 1024, kafka.rssKiB() / 1024);
        return kafka.pid();
    }

    private void inject(Object value, Predicate<Field> matches) {
        for (Field field : getClass().getDeclaredFields()) {
            if (matches.test(field)) {
                try {
                    field.set(this, value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void assertConfiguration(Map<String, String> config) throws Exception {
        assertTrue(kafka != null && kafka.isRunning(), "the running server is injected");
        assertEquals(kafka.bootstrapServers(), config.get("kafka.bootstrap.servers"));
        for (String channel : KafkaServerResource.OUTGOING) {
            assertEquals("smallrye-kafka", config.get("mp.messaging.outgoing." + channel + ".connector"), channel);
        }
        assertEquals("smallrye-kafka", config.get("mp.messaging.incoming.scan-status.connector"));
        try (Admin admin = kafka.admin()) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertTrue(topics.containsAll(KafkaServerResource.TOPICS), "topics: " + topics);
        }
    }

    private void assertCompacted() throws Exception {
        kafka.createTopic(TOPIC + "-compacted", 1, true);
        try (Admin admin = kafka.admin()) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC + "-compacted");
            String policy = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, policy);
        }
    }

    private static void assertThreeRecords(List<KafkaServer.Record> records) {
        assertEquals(3, records.size(), "records: " + records);
        List<KafkaServer.Record> byKey = records.stream().sorted(Comparator.comparing(KafkaServer.Record::key))
                .toList();
        for (int i = 1; i <= 3; i++) {
            KafkaServer.Record record = byKey.get(i - 1);
            assertEquals("key-" + i, record.key());
            assertEquals("value " + i, record.valueAsString());
            assertEquals(Map.of("scanner", "scanner-" + i, "attempt", "" + i), record.headerMap());
        }
    }
}
