package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.threatingest.api.BearerTokenCacheTest.Counts;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.TestCredentials;

/** A remembered token is verified again once {@code ingest.auth.token-cache.ttl} has run, long before its exp. */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(BearerTokenCacheTtlTest.ShortTtl.class)
class BearerTokenCacheTtlTest {

    public static class ShortTtl implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ingest.auth.token-cache.ttl", "2s");
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    @Inject
    MeterRegistry registry;

    @Test
    void aTokenIsVerifiedAgainAfterTheTtl() throws Exception {
        String token = TestCredentials.rs256(TestCredentials.claims("ttl-" + UUID.randomUUID(),
                List.of("reporter"), List.of("soc")));
        Counts before = BearerTokenCacheTest.counts(registry);
        BearerTokenCacheTest.dryRun(token).then().statusCode(200);
        BearerTokenCacheTest.dryRun(token).then().statusCode(200);
        assertEquals(new Counts(1, 1), BearerTokenCacheTest.counts(registry).since(before));

        Thread.sleep(2_300);
        BearerTokenCacheTest.dryRun(token).then().statusCode(200);
        BearerTokenCacheTest.dryRun(token).then().statusCode(200);
        assertEquals(new Counts(2, 2), BearerTokenCacheTest.counts(registry).since(before));
    }
}
