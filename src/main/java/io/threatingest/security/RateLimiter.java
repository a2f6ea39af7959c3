package io.threatingest.security;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.threatingest.config.IngestConfig;

/**
 * Token buckets per identity ({@code ingest.rate-limit.*}, off by default). A caller may send {@code burst}
 * requests at once and then {@code requests-per-second}; beyond that {@link #admit} refuses with the figures
 * the 429 answer reports.
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

    private static final class Bucket {
        double tokens;
        long refilledAtNanos;
    }

    private final boolean enabled;
    private final double perNano;
    private final int burst;
    private final Map<String, Bucket> buckets;

    public RateLimiter(IngestConfig config) {
        IngestConfig.RateLimit settings = config.rateLimit();
        this.enabled = settings.enabled();
        this.perNano = settings.requestsPerSecond() / 1e9;
        this.burst = Math.max(1, settings.burst());
        int max = Math.max(1, settings.maxIdentities());
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        };
    }

    public boolean enabled() {
        return enabled;
    }

    /** Takes one token from the identity's bucket, or throws {@link Limited}. */
    public void admit(String identity) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        synchronized (buckets) {
            Bucket bucket = buckets.computeIfAbsent(identity, key -> {
                Bucket fresh = new Bucket();
                fresh.tokens = burst;
                fresh.refilledAtNanos = now;
                return fresh;
            });
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAtNanos) * perNano);
            bucket.refilledAtNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            long wait = perNano <= 0 ? 3600 : (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9);
            throw new Limited(burst, Math.max(1, wait));
        }
    }
}
