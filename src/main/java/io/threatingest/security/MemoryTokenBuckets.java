package io.threatingest.security;

import java.util.LinkedHashMap;
import java.util.Map;

import io.smallrye.mutiny.Uni;

/** Buckets in this process, the least recently seen identities forgotten first beyond {@code maxIdentities}. */
public final class MemoryTokenBuckets implements TokenBuckets {

    private static final class Bucket {

        double tokens;
        long refilledAtNanos;
    }

    private final int burst;
    private final double perNano;
    private final Map<String, Bucket> buckets;

    public MemoryTokenBuckets(int burst, double perSecond, int maxIdentities) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        int max = Math.max(1, maxIdentities);
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        };
    }

    @Override
    public Uni<Take> take(String identity) {
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
            boolean allowed = bucket.tokens >= 1;
            if (allowed) {
                bucket.tokens -= 1;
            }
            return Uni.createFrom().item(new Take(allowed, bucket.tokens));
        }
    }
}
