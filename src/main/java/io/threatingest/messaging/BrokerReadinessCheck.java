package io.threatingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.reactive.messaging.amqp.AmqpConnector;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/** Ready only while the broker connection is open. Deliberately not a liveness check: a broker outage must
 * not make Kubernetes restart every pod. */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {

    private final AmqpConnector connector;

    public BrokerReadinessCheck(@Connector(AmqpConnector.CONNECTOR_NAME) AmqpConnector connector) {
        this.connector = connector;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("amqp-broker").status(connector.getReadiness().isOk()).build();
    }
}
