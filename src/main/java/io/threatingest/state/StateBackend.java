package io.threatingest.state;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.threatingest.config.IngestConfig;

/**
 * Which backend holds the state shared by replicas ({@code ingest.state.backend}). The Redis client is only
 * created when the backend is Redis, so the memory backend needs no Redis settings.
 */
@ApplicationScoped
public class StateBackend {

    private final IngestConfig.State config;
    private final Instance<ReactiveRedisDataSource> redis;

    public StateBackend(IngestConfig config, Instance<ReactiveRedisDataSource> redis) {
        this.config = config.state();
        this.redis = redis;
    }

    /** True when the state lives in Redis, shared by every replica. */
    public boolean shared() {
        return config.backend() == IngestConfig.State.Backend.REDIS;
    }

    public ReactiveRedisDataSource redis() {
        if (!shared()) {
            throw new IllegalStateException("ingest.state.backend is memory");
        }
        return redis.get();
    }

    /** The longest a request waits for the backend. */
    public Duration timeout() {
        return config.timeout();
    }
}
