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

/** Ready only while the AMQP broker connection is open, when a channel goes through {@link AmqpConnector}. Deliberately not a liveness check: a broker outage must
 * not make Kubernetes restart every pod. The same state is the gauge {@code ingest_broker_connected} (1 or 0),
 * so dashboards and alerts see readiness per pod without kube-state-metrics. */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {

    private final BrokerConnection publisher;
    private final AmqpConnector connector;

    public BrokerReadinessCheck(BrokerConnection publisher, @Connector(AmqpConnector.NAME) AmqpConnector connector) {
        this.publisher = publisher;
        this.connector = connector;
    }

    void exposeAsMetric(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("ingest.broker.connected", publisher, broker -> broker.isConnected() ? 1 : 0)
                .description("1 while the broker connection is open (the pod is ready), else 0")
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
