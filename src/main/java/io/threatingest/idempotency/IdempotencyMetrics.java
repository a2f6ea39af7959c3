package io.threatingest.idempotency;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Requests with an idempotency key, by outcome ({@code ingest_idempotency_total}): {@code replayed},
 * {@code in-flight} (409), {@code mismatch} (422), {@code stored} (an answer kept for its key) and
 * {@code released} (a key freed because the answer was not one to keep).
 */
@ApplicationScoped
public class IdempotencyMetrics {

    private final MeterRegistry registry;

    public IdempotencyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String outcome) {
        Counter.builder("ingest.idempotency").description("Requests with an Idempotency-Key, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }
}
