package io.threatingest.security;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;
import io.threatingest.state.StateBackend;
import io.threatingest.state.StateBackendFailures;
import io.threatingest.state.StateUnavailableException;

/**
 * Rate limits per identity ({@code ingest.rate-limit.*}, off by default): a caller may send {@code burst} requests
 * at once and then {@code requests-per-second}; beyond that {@link #admit} refuses with the figures the 429
 * answer reports. The buckets live in the state backend, so that with Redis every replica counts against the same
 * quota. When the backend cannot be asked, {@code on-backend-failure} decides: allow (counted and logged) or 503.
 */
@ApplicationScoped
public class RateLimiter {

    /** A refusal: when to retry and the state of the bucket, for the RateLimit headers. */
    public static final class Limited extends RuntimeException {

        private final int limit;
        private final long retryAfterSeconds;

        Limited(int limit, long retryAfterSeconds) {
            super("rate limit exceeded", null, false, false);
            this.limit = limit;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int limit() {
            return limit;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final boolean enabled;
    private final int burst;
    private final double perSecond;
    private final TokenBuckets buckets;
    private final Duration timeout;
    private final boolean allowOnFailure;
    private final StateBackendFailures failures;

    public RateLimiter(IngestConfig config, StateBackend state, StateBackendFailures failures,
            Instance<TokenBuckets> buckets) {
        IngestConfig.RateLimit settings = config.rateLimit();
        this.enabled = settings.enabled();
        this.burst = burst(settings);
        this.perSecond = settings.requestsPerSecond();
        this.buckets = enabled ? buckets.get() : null;
        this.timeout = state.shared() ? state.timeout() : null; // memory buckets answer at once
        this.allowOnFailure = settings.onBackendFailure() == IngestConfig.RateLimit.OnBackendFailure.ALLOW;
        this.failures = failures;
    }

    static int burst(IngestConfig.RateLimit settings) {
        return Math.max(1, settings.burst());
    }

    public boolean enabled() {
        return enabled;
    }

    /** Takes one token from the identity's bucket; fails with {@link Limited} when there is none. */
    public Uni<Void> admit(String identity) {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        Uni<TokenBuckets.Take> take = buckets.take(identity);
        if (timeout != null) {
            take = take.ifNoItem().after(timeout).fail();
        }
        return take.onItemOrFailure().transformToUni((taken, failure) -> {
            if (failure != null) {
                return unavailable(failure);
            }
            failures.succeeded();
            if (taken.allowed()) {
                return Uni.createFrom().voidItem();
            }
            long wait = perSecond <= 0 ? 3600 : (long) Math.ceil((1 - taken.tokensLeft()) / perSecond);
            return Uni.createFrom().failure(new Limited(burst, Math.max(1, wait)));
        });
    }

    private Uni<Void> unavailable(Throwable failure) {
        failures.failed("rate-limit", failure);
        if (allowOnFailure) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().failure(new StateUnavailableException(StateUnavailableException.Store.RATE_LIMITS));
    }
}
