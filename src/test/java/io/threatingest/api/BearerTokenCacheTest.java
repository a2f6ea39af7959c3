package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.FeatureSettingsProfile;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonObject;

/**
 * Bearer tokens that passed verification are served from memory ({@code ingest.auth.token-cache.*}): a reused
 * token is verified once and yields the same identity, never past its {@code exp}, and a forged token is never
 * served. The clock skew is one second here so that expiry can be watched without a long wait, and the TTL
 * {@link FeatureSettingsProfile#TOKEN_CACHE_TTL} (the start is shared: {@link FeatureSettingsProfile}).
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(FeatureSettingsProfile.class)
class BearerTokenCacheTest {

    static final String DRY_RUN = EntityIngestTest.ENTITY + "?dryRun=true";
    static final String IP = "{\"type\":\"ip\",\"attributes\":{\"ip\":\"9.9.9.9\"}}";

    @Inject
    MeterRegistry registry;

    @InjectBroker
    BrokerQueues queues;

    /** Tokens handed to the verifier (misses) and served from memory (hits) so far. */
    record Counts(double misses, double hits) {

        Counts since(Counts before) {
            return new Counts(misses - before.misses, hits - before.hits);
        }
    }

    static Counts counts(MeterRegistry registry) {
        return new Counts(count(registry, "miss"), count(registry, "hit"));
    }

    private static double count(MeterRegistry registry, String outcome) {
        Counter counter = registry.find("ingest.auth.token.cache").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    static Response dryRun(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(IP).post(DRY_RUN);
    }

    /** A reporter token for a subject of its own, so that no other test has verified it already. */
    private static String reporterToken() {
        return TestCredentials.rs256(TestCredentials.claims("cache-" + UUID.randomUUID(), List.of("reporter"),
                List.of("soc")));
    }

    @Test
    void aReusedTokenIsVerifiedOnce() {
        String token = reporterToken();
        Counts before = counts(registry);
        for (int i = 0; i < 5; i++) {
            dryRun(token).then().statusCode(200);
        }
        assertEquals(new Counts(1, 4), counts(registry).since(before));
    }

    @BrokerFacing
    @Test
    void aTokenServedFromMemoryYieldsTheSameIdentity() throws Exception {
        String token = TestCredentials.es256(TestCredentials.claims("subject-" + UUID.randomUUID(),
                List.of("reporter"), List.of("green", "blue")));
        Counts before = counts(registry);
        JsonObject verified = publish(token, "{\"type\":\"ip\",\"attributes\":{\"ip\":\"5.5.5.5\"}}");
        JsonObject remembered = publish(token, "{\"type\":\"ip\",\"attributes\":{\"ip\":\"5.5.5.6\"}}");
        assertEquals(new Counts(1, 1), counts(registry).since(before));
        assertEquals(verified.getString("userId"), remembered.getString("userId"));
        assertEquals(List.of("blue", "green"), verified.getJsonArray("groups").getList());
        assertEquals(verified.getJsonArray("groups"), remembered.getJsonArray("groups"));

        // roles: the same refusals and permissions once remembered
        String user = TestCredentials.rs256(TestCredentials.claims("user-" + UUID.randomUUID(), List.of("user"),
                List.of("soc")));
        EntityIngestTest.assertErrorHeaders(dryRun(user), 403);
        EntityIngestTest.assertErrorHeaders(dryRun(user), 403);
        String admin = TestCredentials.rs256(TestCredentials.claims("admin-" + UUID.randomUUID(),
                List.of("admin"), List.of("ops")));
        for (int i = 0; i < 2; i++) {
            RestAssured.given().header("Authorization", "Bearer " + admin).contentType(ContentType.JSON)
                    .body("{\"type\":\"ip\",\"attributes\":{\"ip\":\"9.9.9.9\"},\"visibleBy\":[\"red-team\"]}")
                    .post(DRY_RUN).then().statusCode(200);
        }
    }

    private JsonObject publish(String token, String body) throws InterruptedException {
        String submissionId = RestAssured.given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON).body(body).post(EntityIngestTest.ENTITY)
                .then().statusCode(202).extract().path("submissionId");
        return queues.entities().await(submissionId, Duration.ofSeconds(10)).body().toJsonObject();
    }

    @Test
    void anExpiredTokenIsRefusedAlthoughRemembered() throws Exception {
        // the first request of a fresh application can take seconds (JWKS download, class loading)
        dryRun(reporterToken()).then().statusCode(200);
        long exp = System.currentTimeMillis() / 1000 + 4;
        String token = TestCredentials.rs256(TestCredentials.claims("short-" + UUID.randomUUID(),
                List.of("reporter"), List.of("soc")).expiresAt(exp));
        Counts before = counts(registry);
        long remembered = System.nanoTime();
        dryRun(token).then().statusCode(200);
        dryRun(token).then().statusCode(200);
        assertEquals(new Counts(1, 1), counts(registry).since(before), "remembered while valid");

        // past exp and the one-second skew; the cache's TTL has not run
        long refusedFrom = (exp + 1) * 1000 + 300;
        Thread.sleep(Math.max(0, refusedFrom - System.currentTimeMillis()));
        Response refused = dryRun(token);
        assertTrue(System.nanoTime() - remembered < FeatureSettingsProfile.TOKEN_CACHE_TTL.toNanos(),
                "asked before the TTL ran out, so that only exp can have refused it");
        assertEquals(2, counts(registry).since(before).misses(), "handed to the verifier again");
        EntityIngestTest.assertErrorHeaders(refused, 401);
        assertEquals(expiredAnswer(), refused.header("x-error"));
    }

    /** What a token that was never remembered gets once expired. */
    private static String expiredAnswer() {
        long now = System.currentTimeMillis() / 1000;
        Response response = dryRun(TestCredentials.rs256(TestCredentials.claims("never-" + UUID.randomUUID(),
                List.of("reporter"), List.of("soc")).issuedAt(now - 60).expiresAt(now - 10)));
        EntityIngestTest.assertErrorHeaders(response, 401);
        assertEquals("authentication failed: token expired (bearer)", response.header("x-error"));
        return response.header("x-error");
    }

    @Test
    void aForgedTokenIsNeverServedFromMemory() {
        String genuine = reporterToken();
        dryRun(genuine).then().statusCode(200);
        dryRun(genuine).then().statusCode(200);

        String[] parts = genuine.split("\\.");
        String signature = parts[2];
        char flipped = signature.charAt(10) == 'A' ? 'B' : 'A';
        String alteredSignature = parts[0] + "." + parts[1] + "." + signature.substring(0, 10) + flipped
                + signature.substring(11);
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8));
        claims.put("roles", List.of("admin"));
        String alteredClaims = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8))
                + "." + signature;
        String otherKey = TestCredentials.foreign(TestCredentials.claims(
                new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                        .getString("sub"),
                List.of("reporter"), List.of("soc")));

        Counts before = counts(registry);
        for (String forged : List.of(alteredSignature, alteredClaims, otherKey)) {
            for (int attempt = 0; attempt < 2; attempt++) {
                Response refused = dryRun(forged);
                EntityIngestTest.assertErrorHeaders(refused, 401);
                assertEquals("authentication failed: token signature invalid (bearer)", refused.header("x-error"));
                assertTrue(refused.header("WWW-Authenticate").startsWith("Bearer "));
            }
        }
        assertEquals(new Counts(6, 0), counts(registry).since(before), "every forgery went to the verifier");
        dryRun(genuine).then().statusCode(200);
    }
}
