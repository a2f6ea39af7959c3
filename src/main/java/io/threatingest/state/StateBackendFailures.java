package io.threatingest.state;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Failures to reach the state backend: counted per operation ({@code ingest_state_backend_errors_total}) and
 * logged once per outage (the first failure after a success), not once per request.
 */
@ApplicationScoped
public class StateBackendFailures {

    private static final Logger LOG = Logger.getLogger(StateBackendFailures.class);

    private final MeterRegistry registry;
    private final AtomicBoolean down = new AtomicBoolean();

    public StateBackendFailures(MeterRegistry registry) {
        this.registry = registry;
    }

    public void failed(String operation, Throwable failure) {
        Counter.builder("ingest.state.backend.errors").description("Requests to the state backend that failed")
                .tag("operation", operation).register(registry).increment();
        if (down.compareAndSet(false, true)) {
            LOG.warnf("State backend unavailable (%s: %s); scans and requests with an Idempotency-Key "
                    + "answer 503, rate limits follow ingest.rate-limit.on-backend-failure until it is back", operation,
                    failure.toString());
        }
    }

    public void succeeded() {
        if (down.compareAndSet(true, false)) {
            LOG.info("State backend available again");
        }
    }
}
