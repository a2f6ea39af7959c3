package io.threatingest.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import io.vertx.core.buffer.Buffer;

/**
 * A {@link QueueReader} of a Kafka topic: every partition read from the beginning on a thread of its own, outside
 * any consumer group, records indexed by their {@code ce_id} header (by key when they have none, as a scanner's
 * report has). The CloudEvents binary mode's {@code ce_} headers become the event's attributes.
 */
public final class KafkaTopicReader extends QueueReader {

    private static final String CE_PREFIX = "ce_";

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread poller;
    private volatile boolean closed;

    public KafkaTopicReader(KafkaServer kafka, String topic) {
        this.topic = topic;
        consumer = kafka.consumer();
        List<TopicPartition> partitions = KafkaServer.partitions(consumer, topic,
                System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("no topic " + topic + " on " + kafka.bootstrapServers());
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        poller = new Thread(this::poll, "kafka-topic-reader-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    receive(event(KafkaServer.Record.of(record)));
                }
            }
        } catch (WakeupException closing) {
            // close() ends the loop
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    private DeliveredEvent event(KafkaServer.Record record) {
        Map<String, String> attributes = new HashMap<>();
        record.headerMap().forEach((name, value) -> {
            if (name.startsWith(CE_PREFIX)) {
                attributes.put(name.substring(CE_PREFIX.length()), value);
            }
        });
        String id = attributes.getOrDefault("id", record.key());
        return new DeliveredEvent(topic, id, attributes.get("type"), true, record.header("content-type"), attributes,
                record.value() == null ? Buffer.buffer() : Buffer.buffer(record.value()));
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        poller.join(10_000);
    }
}
