package io.threatingest.support;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * One application start with small limits of every kind: the rate limit, the request limits, the packing of a batch
 * into events. Shared by
 * <ul>
 * <li>{@code RateLimitTest}: the rate limit ({@link #rateLimits()}, also what {@code RedisRateLimitTest} runs
 * with);</li>
 * <li>{@code TaxiiRateLimitTest}, {@code ImportRateLimitTest}: a caller over the rate limit on TAXII, an import that
 * waits out each 429;</li>
 * <li>{@code OpenApiAnswersTest}: a 413 and a 429 from every operation;</li>
 * <li>{@code LimitsTest}: each request limit a 400 or a 413;</li>
 * <li>{@code MonitoringMetricsTest}: one request of each kind, a 429 and a webhook call among them;</li>
 * <li>{@code BatchOneTreePerEventTest}: one event per tree of a batch.</li>
 * </ul>
 * Why the settings do not disturb each other:
 * <ul>
 * <li>Rate-limit buckets are per caller. Only RateLimitTest calls with the key pairs of {@link TestCredentials}; every
 * other class here calls as callers of its own ({@link TestCredentials#freshToken}: a new token subject per test
 * or per request), so no class finds a bucket that another emptied, and none of them sends more requests as one
 * caller than the burst allows unless it means to reach the limit.</li>
 * <li>The request limits are larger than anything the other classes send: single entities or trees of two, batches
 * of at most 20 one-entity trees (under 2 KiB), an import in chunks of 25 lines, the operations' own examples (the
 * largest 422 bytes, no tree over three entities or attributes).</li>
 * <li>{@code ingest.batch.trees-per-event=1} changes only how many events a batch becomes; no other class here counts
 * the events of a batch (the import counts each entity once, whatever event carries it). The publish timeout is the
 * longer one that test needs (a burst of events to a cold broker on a busy machine); no test here waits for it.</li>
 * <li>Plain-http webhooks to the loopback address are allowed for MonitoringMetricsTest's webhook receiver; no
 * test here checks that such a webhook is refused.</li>
 * </ul>
 */
public class SmallLimitsProfile implements QuarkusTestProfile {

    /** Requests a caller may send at once. */
    public static final int BURST = 3;
    /** Refill of a caller's bucket: one request every five seconds, slow enough for a burst to be seen whole. */
    public static final double REQUESTS_PER_SECOND = 0.2;
    /** {@code ingest.limits.max-body-size}, in bytes. */
    public static final int MAX_BODY_SIZE = 4 * 1024;

    /** The rate limit of this start, for the Redis variant of the rate-limit tests too. */
    public static Map<String, String> rateLimits() {
        return Map.of("ingest.rate-limit.enabled", "true",
                "ingest.rate-limit.requests-per-second", Double.toString(REQUESTS_PER_SECOND),
                "ingest.rate-limit.burst", Integer.toString(BURST));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> settings = new HashMap<>(rateLimits());
        settings.putAll(Map.ofEntries(
                Map.entry("ingest.limits.max-body-size", MAX_BODY_SIZE / 1024 + "K"),
                Map.entry("ingest.limits.max-association-depth", "2"),
                Map.entry("ingest.limits.max-entities", "5"),
                Map.entry("ingest.limits.max-attributes", "3"),
                Map.entry("ingest.limits.max-tags", "2"),
                Map.entry("ingest.limits.max-visible-by", "2"),
                Map.entry("ingest.limits.max-correlate", "1"),
                Map.entry("ingest.batch.trees-per-event", "1"),
                Map.entry("ingest.publish.timeout", "10s"),
                Map.entry("ingest.scan.webhook.allow-http", "true"),
                Map.entry("ingest.scan.webhook.allowed-hosts", "127.0.0.1")));
        return settings;
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
