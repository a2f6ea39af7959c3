package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.threatingest.api.BearerTokenCacheTest.Counts;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.FeatureSettingsProfile;
import io.threatingest.support.TestCredentials;

/**
 * A remembered token is verified again once {@code ingest.auth.token-cache.ttl} has run
 * ({@link FeatureSettingsProfile#TOKEN_CACHE_TTL}), long before its exp.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(FeatureSettingsProfile.class)
class BearerTokenCacheTtlTest {

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

        Thread.sleep(FeatureSettingsProfile.TOKEN_CACHE_TTL.toMillis() + 300);
        BearerTokenCacheTest.dryRun(token).then().statusCode(200);
        BearerTokenCacheTest.dryRun(token).then().statusCode(200);
        assertEquals(new Counts(2, 2), BearerTokenCacheTest.counts(registry).since(before));
    }
}
