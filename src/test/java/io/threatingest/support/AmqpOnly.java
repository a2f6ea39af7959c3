package io.threatingest.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Marks broker-facing tests about the AMQP transport itself (its settings, its wire format): skipped when the
 * broker-facing tests run against Kafka ({@code -Dtest.transport=kafka}, scripts/kafka-suite.sh).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@DisabledIfSystemProperty(named = "test.transport", matches = "kafka", disabledReason = "about the AMQP transport")
public @interface AmqpOnly {
}
