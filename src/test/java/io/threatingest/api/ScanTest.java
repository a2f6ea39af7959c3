package io.threatingest.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.FeatureSettingsProfile;

/** Scans with the tasks in memory (the default state backend), in the start of {@link FeatureSettingsProfile}. */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(FeatureSettingsProfile.class)
class ScanTest extends ScanContract {
}
