package io.threatingest.taxii;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.FeatureSettingsProfile;
import io.threatingest.support.TestCredentials;

/** Behind a trusted reverse proxy, discovery names the API root by the forwarded scheme, host and prefix. */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(FeatureSettingsProfile.class)
class TaxiiProxyTest {

    @Test
    void discoveryUsesTheForwardedOrigin() {
        String root = "https://intel.example.org/feeds/taxii2/ingest/";
        TaxiiTest.taxii(TestCredentials.reporter())
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "intel.example.org")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/feeds")
                .get("/taxii2/").then().statusCode(200)
                .body("default", equalTo(root))
                .body("api_roots", equalTo(List.of(root)));
    }
}
