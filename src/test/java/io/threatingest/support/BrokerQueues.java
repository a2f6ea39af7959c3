package io.threatingest.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.threatingest.local.EmbeddedBroker;

/**
 * The test broker's queues (AMQP) or topics (Kafka, {@code -Dtest.transport=kafka}) as seen by a consumer and a
 * scanner: one {@link QueueReader} per queue, opened on first use and closed when the broker resource stops, shared
 * by the test classes of one application start (each test finds its own events by id). Inject it with
 * {@link InjectBroker}.
 */
public final class BrokerQueues implements AutoCloseable {

    private final BrokerEndpoint endpoint;
    private final KafkaServer kafka;
    private final Map<String, QueueReader> readers = new ConcurrentHashMap<>();

    BrokerQueues(BrokerEndpoint endpoint) {
        this.endpoint = endpoint;
        this.kafka = null;
    }

    BrokerQueues(KafkaServer kafka) {
        this.endpoint = null;
        this.kafka = kafka;
    }

    /** Where the AMQP broker listens (null under Kafka). */
    public BrokerEndpoint endpoint() {
        return endpoint;
    }

    /** The reader of the entity submissions' queue. */
    public QueueReader entities() {
        return reader(EmbeddedBrokerResource.ENTITIES);
    }

    /**
     * The reader of where scan status reports that cannot be applied end up: the broker's dead-letter address on
     * AMQP, the channel's dead-letter topic on Kafka.
     */
    public QueueReader deadLetters() {
        return reader(kafka != null ? KafkaServerResource.DEAD_LETTERS : EmbeddedBroker.DEAD_LETTERS);
    }

    public QueueReader reader(String queue) {
        return readers.computeIfAbsent(queue, name -> {
            try {
                return kafka != null ? new KafkaTopicReader(kafka, name) : new AmqpQueueReader(endpoint, name);
            } catch (Exception e) {
                throw new IllegalStateException("cannot consume " + name, e);
            }
        });
    }

    /** A producer onto this queue or topic; the caller closes it. */
    public QueueWriter writer(String queue) throws Exception {
        if (kafka == null) {
            return new AmqpQueueWriter(endpoint, queue);
        }
        return new QueueWriter() {

            @Override
            public void send(String id, String body) {
                kafka.send(queue, id, Map.of(), body);
            }

            @Override
            public void close() {
                // the server's own producer stays for the next writer
            }
        };
    }

    @Override
    public void close() throws Exception {
        for (QueueReader reader : readers.values()) {
            reader.close();
        }
        readers.clear();
    }
}
