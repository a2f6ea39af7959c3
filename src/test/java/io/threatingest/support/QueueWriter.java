package io.threatingest.support;

/** A producer onto one of the test broker's queues or topics, playing a scanner worker in tests. */
public interface QueueWriter extends AutoCloseable {

    /** Sends a text body under this id (AMQP message-id, Kafka key) and waits until the broker has it. */
    void send(String id, String body) throws Exception;
}
