package io.threatingest.security;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.threatingest.config.IngestConfig;
import io.threatingest.state.StateBackend;

/** The rate limit's token buckets in the configured state backend. */
public class TokenBucketStores {

    @Produces
    @Singleton
    TokenBuckets buckets(StateBackend state, IngestConfig config) {
        IngestConfig.RateLimit settings = config.rateLimit();
        int burst = RateLimiter.burst(settings);
        return state.shared()
                ? new RedisTokenBuckets(state.redis(), burst, settings.requestsPerSecond(),
                        settings.maxLease(), settings.maxIdentities())
                : new MemoryTokenBuckets(burst, settings.requestsPerSecond(), settings.maxIdentities());
    }
}
