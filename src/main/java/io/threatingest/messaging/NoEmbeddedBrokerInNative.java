package io.threatingest.messaging;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import io.threatingest.config.IngestConfig;

/**
 * A native executable has no embedded broker: asking for one stops the start-up with the reason, instead of
 * running without a broker and failing every submission.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.native.enabled", stringValue = "true")
public class NoEmbeddedBrokerInNative {

    private final IngestConfig config;

    public NoEmbeddedBrokerInNative(IngestConfig config) {
        this.config = config;
    }

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (config.embeddedBroker().enabled()) {
            throw new IllegalStateException("ingest.embedded-broker.enabled=true needs the JVM build: native "
                    + "executables have no embedded broker; point ingest.broker.host at an AMQP 1.0 broker");
        }
    }
}
