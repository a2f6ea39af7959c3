package io.threatingest.support;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * One application start with the state in a real Redis ({@link RedisServerResource}), for the Redis variants of the
 * contracts and the Redis-only checks: {@code RedisIdempotencyTest}, {@code RedisScanTest} and {@code RedisTaxiiTest}.
 * The settings are those of the contracts in memory ({@link FeatureSettingsProfile#idempotencyAndScans()}) and a
 * webhook lease of seconds, so that the sweep for webhook calls abandoned by a stopped replica runs every second
 * (RedisScanTest).
 * <p>
 * Why they can share it: each acts on keys of its own feature (idempotency digests, scan tasks and leases, TAXII
 * statuses), and what each looks for in Redis is a value only it wrote (a key, a target, a status id, credentials
 * that must not be there); the Redis dumps contain no caller in clear whichever class wrote last. The classes that
 * stop Redis start it again before they end and wait until their feature works again, and every class writes what
 * it reads back within one test, so that a Redis restarted empty by another class loses nothing it needs. Rate
 * limits stay off here: with them a Redis outage would refuse or delay the requests these classes expect to go
 * through ({@code RedisRateLimitTest} and {@code RedisRateLimitRefuseTest} have starts of their own, one per value of
 * {@code ingest.rate-limit.on-backend-failure}).
 */
public class RedisStateProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> settings = new HashMap<>(FeatureSettingsProfile.idempotencyAndScans());
        settings.put("ingest.scan.webhook-lease", "4s");
        return settings;
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
