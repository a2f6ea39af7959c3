package io.threatingest.state;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;

/**
 * Whether the state backend answers, at {@code /q/health/well}: deliberately not a readiness check, since entity,
 * association and comment ingest work without it and a Redis outage must not take every pod out of service.
 */
@Wellness
@ApplicationScoped
public class StateBackendHealth implements AsyncHealthCheck {

    private final StateBackend state;

    public StateBackendHealth(StateBackend state) {
        this.state = state;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (!state.shared()) {
            return Uni.createFrom().item(HealthCheckResponse.named("state-backend").up()
                    .withData("backend", "memory").build());
        }
        return state.redis().execute("PING")
                .ifNoItem().after(state.timeout()).fail()
                .map(pong -> HealthCheckResponse.named("state-backend").up().withData("backend", "redis").build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("state-backend").down()
                        .withData("backend", "redis").withData("error", String.valueOf(failure.getMessage())).build());
    }
}
