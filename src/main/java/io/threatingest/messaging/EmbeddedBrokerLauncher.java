package io.threatingest.messaging;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.threatingest.config.IngestConfig;

/**
 * Starts the in-process broker before anything publishes, when {@code ingest.embedded-broker.enabled} is on
 * (the dev profile's default), and stops it after the publisher has closed its connection. Left out of native
 * executables, so that the broker's code is not compiled into them (see {@link NoEmbeddedBrokerInNative}).
 */
@ApplicationScoped
@UnlessBuildProperty(name = "quarkus.native.enabled", stringValue = "true", enableIfMissing = true)
public class EmbeddedBrokerLauncher {

    private static final Logger LOG = Logger.getLogger(EmbeddedBrokerLauncher.class);

    private final IngestConfig config;
    private EmbeddedBroker broker;

    public EmbeddedBrokerLauncher(IngestConfig config) {
        this.config = config;
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) throws Exception {
        IngestConfig.EmbeddedBroker embedded = config.embeddedBroker();
        if (!embedded.enabled()) {
            return;
        }
        broker = new EmbeddedBroker(config.broker().host(), config.broker().port(), embedded.dataDir(),
                embedded.persistent(), config.addresses().all()).start();
        LOG.infof("Embedded AMQP broker listening on %s:%d (data in %s)", config.broker().host(), broker.port(),
                embedded.dataDir());
    }

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 100) ShutdownEvent event) throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }
}
