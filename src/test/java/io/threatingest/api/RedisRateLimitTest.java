package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectRedis;
import io.threatingest.support.NeedsRedis;
import io.threatingest.support.RedisServer;
import io.threatingest.support.RedisServerResource;
import io.threatingest.support.TestCredentials;

/**
 * The rate limits of {@link RateLimitContract} with the buckets in a real Redis, and what happens while Redis is down:
 * by default requests are let through (counted, readiness untouched, the state check down), and limits apply
 * again once it is back. With {@code on-backend-failure=refuse} instead: {@link RedisRateLimitRefuseTest}.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@WithTestResource(RedisServerResource.class)
@TestProfile(RateLimitContract.SlowBuckets.class)
@NeedsRedis
class RedisRateLimitTest extends RateLimitContract {

    @InjectRedis
    RedisServer redis;

    @Test
    void redisDownLetsRequestsThroughAndLimitsReturnWithIt() throws Exception {
        TestCredentials.Key key = TestCredentials.TRUSTED;
        redis.stop();
        try {
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                key.given().get("/api/ingest/v1/definitions").then().statusCode(200);
                assertTrue(System.nanoTime() - start < 3_000_000_000L, "answered within the backend timeout");
            }
            RestAssured.given().get("/q/health/ready").then().statusCode(200);
            RestAssured.given().get("/q/health/well").then().statusCode(503);
            String metrics = RestAssured.given().get("/q/metrics").asString();
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith("ingest_state_backend_errors_total{")
                    && line.contains("operation=\"rate-limit\"")), "failures counted");
        } finally {
            redis.start();
        }
        int refused = 0;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (refused == 0 && System.nanoTime() < deadline) {
            refused += key.given().get("/api/ingest/v1/definitions").statusCode() == 429 ? 1 : 0;
        }
        assertEquals(1, refused, "limits apply again once Redis is back");
        RestAssured.given().get("/q/health/well").then().statusCode(200);
    }
}
