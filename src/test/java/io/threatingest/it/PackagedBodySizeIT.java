package io.threatingest.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.threatingest.api.BodySizeSweepTest;

/** The body-size sweep against the packaged jar, a separate process in the prod profile. */
@QuarkusIntegrationTest
class PackagedBodySizeIT extends BodySizeSweepTest {
}
