package io.threatingest.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks tests whose behaviour depends on the broker: they read from its queues what the service published (or write
 * there what the service consumes: scanner reports), or they provoke and observe its acknowledgement, refusal or
 * outage. Tagged {@code broker}: scripts/standalone-broker-suite.sh runs only these ({@code -Dgroups=broker})
 * against a standalone Artemis; the rest of the suite (unit tests, validation, authentication, OpenAPI, limits, ...)
 * answers the same whichever broker is behind the service and runs once, in the README's test command. Those of them
 * that stop, restart or reconfigure the broker are skipped there all the same ({@link NeedsEmbeddedBroker}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Inherited
@Tag("broker")
public @interface BrokerFacing {
}
