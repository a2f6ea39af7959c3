package io.threatingest.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.threatingest.screening.ScreeningTest;

/**
 * One application start (state in memory) with the settings that features under test need and that the default
 * start must not have. Shared by
 * <ul>
 * <li>{@code IdempotencyTest}: a retention of seconds, a publish timeout long enough to send requests while one is
 * held by the broker ({@link #idempotencyAndScans()});</li>
 * <li>{@code ScanTest}: webhooks to a plain-http receiver on the loopback address, a short backoff;</li>
 * <li>{@code InFlightCapTest}: at most two messages awaiting the broker, and {@link #BODY_BUDGET} bytes of large
 * bodies in progress;</li>
 * <li>{@code ScreeningTest}: a directory of lists it writes itself;</li>
 * <li>{@code TracingEnabledTest}: the OpenTelemetry SDK on, exporting nowhere during the run;</li>
 * <li>{@code TaxiiProxyTest}: forwarded headers trusted;</li>
 * <li>{@code BearerTokenCacheTest}, {@code BearerTokenCacheTtlTest}: a clock skew of one second and a token-cache
 * TTL of {@link #TOKEN_CACHE_TTL}.</li>
 * </ul>
 * Why the settings do not disturb each other:
 * <ul>
 * <li>Each acts only on requests that use its feature: an {@code Idempotency-Key} header (IdempotencyTest only), a
 * webhook (ScanTest only), a value on one of ScreeningTest's lists (the other classes' values are on none:
 * {@code 192.0.2.x}, {@code 198.51.100.x}, {@code 9.9.9.x}, {@code 5.5.5.x}, scan targets under {@code example.org}),
 * an {@code X-Forwarded-*} header (TaxiiProxyTest only), a Bearer token near its expiry or older than the TTL
 * (the token-cache tests only; every other token here lives five minutes and every key pair is verified as
 * before).</li>
 * <li>Tracing on changes only the {@code traceparent} an event carries, which only TracingEnabledTest reads (the
 * caller-context test that needs the SDK off, TracePropagationTest, runs in the default start).</li>
 * <li>The body budget: only bodies of 64 KiB or more take from it, and the other classes send them one at a time
 * (one body is always taken whatever its size: ScreeningTest's tree of 10,000 entities).</li>
 * <li>Two messages in flight: every other class publishes one message at a time (one event per request; a batch
 * of trees is one event here), so only InFlightCapTest, which holds the broker, ever reaches the cap. The publish
 * timeout is the longer of the two that IdempotencyTest (5 s) and InFlightCapTest (6 s) need; no test here
 * measures it.</li>
 * <li>The token-cache TTL is longer than the token-cache tests' requests that must be served from memory take
 * (BearerTokenCacheTest's expired token is refused by its {@code exp}, 5.3 s after it was remembered at the
 * latest, before the TTL runs out) and BearerTokenCacheTtlTest waits it out.</li>
 * </ul>
 */
public class FeatureSettingsProfile implements QuarkusTestProfile {

    /** How long a kept answer to an {@code Idempotency-Key} is replayed. */
    public static final Duration IDEMPOTENCY_RETENTION = Duration.ofSeconds(3);
    /** {@code ingest.limits.max-body-bytes-in-progress}: two bodies of 100 KiB do not fit. */
    public static final int BODY_BUDGET = 150 * 1024;
    /** {@code ingest.auth.token-cache.ttl}. */
    public static final Duration TOKEN_CACHE_TTL = Duration.ofSeconds(8);

    /**
     * What the idempotency and scan contracts need, here and in the Redis start ({@code RedisStateProfile}): a short
     * retention and a publish timeout long enough to send requests while one is held by the broker; webhooks to a
     * plain-http receiver on the loopback address (as nothing else may), retried after a short backoff, and the key
     * that seals them in Redis (a test value).
     */
    public static Map<String, String> idempotencyAndScans() {
        return Map.of("ingest.idempotency.retention", IDEMPOTENCY_RETENTION.toSeconds() + "s",
                "ingest.publish.timeout", "6s",
                "ingest.scan.webhook.allow-http", "true",
                "ingest.scan.webhook.allowed-hosts", "127.0.0.1",
                "ingest.scan.webhook.backoff", "100ms",
                "ingest.state.secret-key", RedisServerResource.TEST_SECRET_KEY);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> settings = new HashMap<>(idempotencyAndScans());
        settings.put("ingest.publish.max-in-flight", "2");
        settings.put("ingest.limits.max-body-bytes-in-progress", Integer.toString(BODY_BUDGET));
        settings.putAll(ScreeningTest.listsAndActions());
        settings.putAll(Map.of("quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:9",
                "quarkus.otel.bsp.schedule.delay", "1h",
                "quarkus.otel.bsp.export.timeout", "1ms"));
        settings.putAll(Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.enable-forwarded-host", "true",
                "quarkus.http.proxy.enable-forwarded-prefix", "true"));
        settings.put("mp.jwt.verify.clock.skew", "1");
        settings.put("ingest.auth.token-cache.ttl", TOKEN_CACHE_TTL.toSeconds() + "s");
        return settings;
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
