package io.threatingest.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.SmallLimitsProfile;

/** The rate limits with the buckets in memory (the default state backend), in the start of {@link SmallLimitsProfile}. */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(SmallLimitsProfile.class)
class RateLimitTest extends RateLimitContract {
}
