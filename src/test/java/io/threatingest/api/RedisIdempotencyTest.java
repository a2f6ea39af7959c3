package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.threatingest.idempotency.IdempotencyKeys;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.FeatureSettingsProfile;
import io.threatingest.support.InjectRedis;
import io.threatingest.support.NeedsRedis;
import io.threatingest.support.RedisServer;
import io.threatingest.support.RedisServerResource;
import io.threatingest.support.RedisStateProfile;
import io.threatingest.support.TestCredentials;

/**
 * Idempotency keys in a real Redis: the contract, what Redis holds (digests, not the caller or the key), and a
 * Redis outage, during which a request with a key is refused (503) rather than processed unprotected.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@WithTestResource(RedisServerResource.class)
@TestProfile(RedisStateProfile.class)
@NeedsRedis
class RedisIdempotencyTest extends IdempotencyContract {

    @InjectRedis
    RedisServer redis;

    @Test
    void redisHoldsDigestsWithATimeToLive() throws Exception {
        String key = "visible-" + UUID.randomUUID();
        post(TestCredentials.reporter(), key, entity(UUID.randomUUID().toString())).then().statusCode(202);
        String dump = redis.dump();
        assertFalse(dump.contains(key), "the key is not stored in clear");
        assertFalse(dump.contains(TestCredentials.REPORTER.userId()), "nor the caller");
        String stored = redis.cli("--scan", "--pattern", "threat-ingest:idempotency:*").lines()
                .filter(line -> !line.isBlank()).findFirst().orElseThrow(() -> new AssertionError(dump));
        assertTrue(stored.matches("threat-ingest:idempotency:[0-9a-f]{64}"), stored);
        long ttl = Long.parseLong(redis.cli("PTTL", stored).trim());
        assertTrue(ttl > 0 && ttl <= FeatureSettingsProfile.IDEMPOTENCY_RETENTION.toMillis(),
                "expires with the retention, PTTL " + ttl);
    }

    @Test
    void redisDownIs503AndNothingIsPublished() throws Exception {
        String marker = UUID.randomUUID().toString();
        post(TestCredentials.reporter(), UUID.randomUUID().toString(), entity(UUID.randomUUID().toString())).then()
                .statusCode(202);
        redis.stop();
        try {
            long start = System.nanoTime();
            Response refused = post(TestCredentials.reporter(), UUID.randomUUID().toString(), entity(marker));
            EntityIngestTest.assertErrorHeaders(refused, 503);
            refused.then().header("Retry-After", "1");
            assertTrue(System.nanoTime() - start < 3_000_000_000L, "answered within the backend timeout");
            // without a key nothing needs Redis
            post(TestCredentials.reporter(), null, entity(UUID.randomUUID().toString())).then().statusCode(202);
            String metrics = RestAssured.given().get("/q/metrics").asString();
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith("ingest_state_backend_errors_total{")
                    && line.contains("operation=\"idempotency\"")), "failures counted");
        } finally {
            redis.start();
        }
        assertEquals(0, events(marker));
        String key = UUID.randomUUID().toString();
        post(TestCredentials.reporter(), key, entity(marker)).then().statusCode(202);
        post(TestCredentials.reporter(), key, entity(marker)).then().statusCode(202)
                .header(IdempotencyKeys.REPLAYED, "true");
        assertEquals(1, events(marker));
    }
}
