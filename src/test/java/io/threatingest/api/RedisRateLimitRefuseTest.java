package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectRedis;
import io.threatingest.support.NeedsRedis;
import io.threatingest.support.RedisServer;
import io.threatingest.support.RedisServerResource;
import io.threatingest.support.TestCredentials;

/**
 * With {@code ingest.rate-limit.on-backend-failure=refuse}, a Redis outage answers 503 at once instead of letting
 * requests through unlimited ({@link RedisRateLimitTest} has the default, {@code allow}). A class of its own (it
 * was a static nested class of RedisRateLimitTest, which Surefire does not run): the one setting it needs
 * contradicts the default that the other Redis rate-limit test checks, so it has an application start of its own.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@WithTestResource(RedisServerResource.class)
@TestProfile(RedisRateLimitRefuseTest.RefuseWhenRedisIsDown.class)
@NeedsRedis
class RedisRateLimitRefuseTest {

    public static class RefuseWhenRedisIsDown implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // also RedisTokenLeasesTest's start: a burst large enough for leases, refilling one token in about
            // 17 minutes (none during a test)
            return Map.of("ingest.rate-limit.enabled", "true",
                    "ingest.rate-limit.burst", Integer.toString(RedisTokenLeasesTest.BURST),
                    "ingest.rate-limit.requests-per-second", "0.001", "ingest.rate-limit.on-backend-failure", "refuse");
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    @InjectRedis
    RedisServer redis;

    @Test
    void redisDownIs503WithRetryAfter() throws Exception {
        TestCredentials.ADMIN.given().get("/api/ingest/v1/definitions").then().statusCode(200);
        redis.stop();
        try {
            long start = System.nanoTime();
            var answer = TestCredentials.ADMIN.given().get("/api/ingest/v1/definitions");
            EntityIngestTest.assertErrorHeaders(answer, 503);
            answer.then().header("Retry-After", "1");
            assertTrue(System.nanoTime() - start < 3_000_000_000L, "answered within the backend timeout");
        } finally {
            redis.start();
        }
    }
}
