package io.threatingest.local;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.threatingest.config.IngestConfig;

/**
 * Starts the in-process broker before anything publishes, when {@code ingest.embedded-broker.enabled} is on (the
 * {@code local} profile), and stops it after the publisher has closed its connection.
 */
@ApplicationScoped
public class EmbeddedBrokerLauncher {

    private static final Logger LOG = Logger.getLogger(EmbeddedBrokerLauncher.class);

    private final IngestConfig config;
    private final LocalBrokerConfig local;
    private EmbeddedBroker broker;

    public EmbeddedBrokerLauncher(IngestConfig config, LocalBrokerConfig local) {
        this.config = config;
        this.local = local;
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) throws Exception {
        if (!local.enabled()) {
            return;
        }
        broker = new EmbeddedBroker(config.broker().host(), config.broker().port(), local.dataDir(), local.persistent(),
                config.addresses().all()).start();
        LOG.infof("Embedded AMQP broker listening on %s:%d (data in %s)", config.broker().host(), broker.port(),
                local.dataDir());
    }

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 100) ShutdownEvent event) throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }
}
