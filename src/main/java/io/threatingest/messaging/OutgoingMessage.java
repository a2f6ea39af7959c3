package io.threatingest.messaging;

import java.util.Map;

/**
 * One durable AMQP message to publish.
 *
 * @param applicationProperties AMQP application properties (CloudEvents attributes among them)
 * @param body the payload, sent as a binary data section
 */
public record OutgoingMessage(
        String address,
        String messageId,
        String subject,
        String contentType,
        Map<String, Object> applicationProperties,
        byte[] body) {
}
