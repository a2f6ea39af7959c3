package io.threatingest.support;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consumer of one of the test broker's queues (AMQP: {@link AmqpQueueReader}) or topics (Kafka:
 * {@link KafkaTopicReader}), independent of the service, that indexes what it receives by id, so that a test finds
 * its own event whatever else is there.
 */
public abstract class QueueReader implements AutoCloseable {

    private final Map<String, DeliveredEvent> received = new ConcurrentHashMap<>();

    /** Indexes an event as it arrives; one without an id is not kept. */
    protected final void receive(DeliveredEvent event) {
        if (event.id() != null) {
            received.put(event.id(), event);
        }
    }

    /** The event with this id, waiting for it up to the timeout; fails the test if it never comes. */
    public DeliveredEvent await(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            DeliveredEvent event = received.get(id);
            if (event != null) {
                return event;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no event with id " + id + " within " + timeout);
    }

    /** Everything received so far. */
    public Collection<DeliveredEvent> received() {
        return received.values();
    }
}
