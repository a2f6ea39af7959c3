package io.threatingest.support;

import java.time.Duration;
import java.util.Collection;

/**
 * A consumer of one of the test broker's queues (AMQP) or topics (Kafka), independent of the service, that indexes
 * what it receives by id, so that a test finds its own event whatever else is there.
 */
public interface QueueReader extends AutoCloseable {

    /** The event with this id, waiting for it up to the timeout; fails the test if it never comes. */
    DeliveredEvent await(String id, Duration timeout) throws InterruptedException;

    /** Everything received so far. */
    Collection<DeliveredEvent> received();

    /** Waits for an event by polling what has been received. */
    static DeliveredEvent await(java.util.Map<String, DeliveredEvent> received, String id, Duration timeout)
            throws InterruptedException {
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
}
