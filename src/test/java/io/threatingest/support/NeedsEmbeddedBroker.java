package io.threatingest.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Marks tests that stop, restart or reconfigure the broker, or read its internal counters: they run on the
 * embedded broker only, and are skipped in the standalone-broker and Kafka compatibility runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@DisabledIfSystemProperty(named = BrokerEndpoint.PROPERTY, matches = ".+", disabledReason = "needs the embedded broker (stops, restarts or inspects it)")
@DisabledIfSystemProperty(named = "test.transport", matches = "kafka", disabledReason = "needs the embedded broker (stops, restarts or inspects it)")
public @interface NeedsEmbeddedBroker {
}
