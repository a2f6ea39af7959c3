package io.threatingest.api;

import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.threatingest.support.SmallLimitsProfile;
import io.threatingest.support.TestCredentials;

/**
 * Per-identity token buckets: a burst, then a slow refill; one caller's limit does not touch another's. Run with
 * the buckets in memory ({@link RateLimitTest}) and in Redis ({@link RedisRateLimitTest}), both with the rate limit
 * of {@link SmallLimitsProfile#rateLimits()}. These tests call with the key pairs of {@code TestCredentials}: in the
 * starts they share, no other class does.
 */
abstract class RateLimitContract {

    /** The rate limit of the in-memory variant's start ({@link SmallLimitsProfile}), here with the buckets in Redis. */
    public static class SlowBuckets implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return SmallLimitsProfile.rateLimits();
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    @Test
    void burstThen429WithRateLimitHeaders() {
        TestCredentials.Key key = TestCredentials.ADMIN;
        for (int i = 0; i < SmallLimitsProfile.BURST; i++) {
            key.given().get("/api/ingest/v1/definitions").then().statusCode(200);
        }
        Response limited = key.given().get("/api/ingest/v1/definitions");
        EntityIngestTest.assertErrorHeaders(limited, 429);
        limited.then().header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Limit", Integer.toString(SmallLimitsProfile.BURST))
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", matchesPattern("[1-9][0-9]*"));
        TestCredentials.TRUSTED.given().get("/api/ingest/v1/definitions").then().statusCode(200);
    }

    @Test
    void everyEndpointCountsAndUnauthenticatedRequestsSpendNothing() {
        for (int i = 0; i < 5; i++) {
            RestAssured.given().get("/api/ingest/v1/definitions").then().statusCode(401);
        }
        TestCredentials.Key key = TestCredentials.REPORTER;
        key.given().contentType(ContentType.JSON).body("{\"target\":\"7.7.7.7\"}").post("/api/ingest/v1/scan")
                .then().statusCode(202);
        key.given().contentType(ContentType.JSON).queryParam("dryRun", "true")
                .body("{\"type\":\"ip\",\"attributes\":{\"ip\":\"7.7.7.7\"}}").post(EntityIngestTest.ENTITY)
                .then().statusCode(200);
        key.given().contentType(ContentType.JSON)
                .body("{\"entity\":{\"type\":\"ip\",\"value\":\"7.7.7.7\"},\"comment\":\"c\"}")
                .post("/api/ingest/v1/comment").then().statusCode(202);
        EntityIngestTest.assertErrorHeaders(key.given().contentType(ContentType.JSON)
                .body("{\"entity\":{\"type\":\"ip\",\"value\":\"7.7.7.7\"},\"comment\":\"c\"}")
                .post("/api/ingest/v1/comment"), 429);
    }
}
