package io.threatingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;

/**
 * Ready only while the AMQP broker connection is open, when a channel goes through {@link AmqpConnector}.
 * Deliberately not a liveness check: a broker outage must not make Kubernetes restart every pod. The gauge
 * {@code ingest_broker_connected} (1 or 0) is the readiness of every channel, whichever broker is behind it (the
 * AMQP connection, Kafka's producers and consumer), so dashboards and alerts see it per pod without
 * kube-state-metrics on any transport.
 */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {

    private final BrokerConnection publisher;
    private final AmqpConnector connector;
    private final HealthCenter channels;

    public BrokerReadinessCheck(BrokerConnection publisher, @Connector(AmqpConnector.NAME) AmqpConnector connector,
            HealthCenter channels) {
        this.publisher = publisher;
        this.connector = connector;
        this.channels = channels;
    }

    void exposeAsMetric(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("ingest.broker.connected", channels, health -> health.getReadiness().isOk() ? 1 : 0)
                .description("1 while every channel's broker is reachable (the pod is ready), else 0")
                .strongReference(true)
                .register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        if (!connector.used()) {
            return HealthCheckResponse.named("amqp-broker").up().withData("channels", "none").build();
        }
        return HealthCheckResponse.named("amqp-broker").status(publisher.isConnected()).build();
    }
}
