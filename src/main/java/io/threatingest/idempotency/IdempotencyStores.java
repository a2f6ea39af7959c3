package io.threatingest.idempotency;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.threatingest.config.IngestConfig;
import io.threatingest.state.StateBackend;

/** The idempotency store of the configured state backend. */
public class IdempotencyStores {

    @Produces
    @Singleton
    IdempotencyStore store(StateBackend state, IngestConfig config, ObjectMapper json) {
        IngestConfig.Idempotency settings = config.idempotency();
        return state.shared()
                ? new RedisIdempotencyStore(state.redis(), json)
                : new MemoryIdempotencyStore(settings.maxEntries(), settings.maxMemory().asLongValue());
    }
}
