package io.threatingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the broker connection is open. Deliberately not a liveness check: a broker outage must
 * not make Kubernetes restart every pod. */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {

    private final BrokerConnection publisher;

    public BrokerReadinessCheck(BrokerConnection publisher) {
        this.publisher = publisher;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("amqp-broker").status(publisher.isConnected()).build();
    }
}
