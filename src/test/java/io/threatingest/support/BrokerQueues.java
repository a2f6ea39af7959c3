package io.threatingest.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test broker's queues as seen by a consumer: one {@link QueueReader} per queue, opened on first use and
 * closed when the broker resource stops, shared by the test classes of one application start (each test finds
 * its own messages by message-id). Inject it with {@link InjectBroker}.
 */
public final class BrokerQueues implements AutoCloseable {

    private final BrokerEndpoint endpoint;
    private final Map<String, QueueReader> readers = new ConcurrentHashMap<>();

    BrokerQueues(BrokerEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public BrokerEndpoint endpoint() {
        return endpoint;
    }

    /** The reader of the entity submissions' queue. */
    public QueueReader entities() {
        return reader(EmbeddedBrokerResource.ENTITIES);
    }

    public QueueReader reader(String queue) {
        return readers.computeIfAbsent(queue, name -> {
            try {
                return endpoint.reader(name);
            } catch (Exception e) {
                throw new IllegalStateException("cannot consume " + name + " on " + endpoint, e);
            }
        });
    }

    @Override
    public void close() throws Exception {
        for (QueueReader reader : readers.values()) {
            reader.close();
        }
        readers.clear();
    }
}
