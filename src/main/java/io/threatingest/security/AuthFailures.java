package io.threatingest.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts refused authentications by method and reason ({@code ingest_auth_failures_total}). */
@ApplicationScoped
public class AuthFailures {

    private final MeterRegistry registry;

    public AuthFailures(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String method, String reason) {
        Counter.builder("ingest.auth.failures")
                .description("Refused authentications")
                .tag("method", method)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
