package io.threatingest.taxii;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.TestCredentials;

/** Behind a trusted reverse proxy, discovery names the API root by the forwarded scheme, host and prefix. */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(TaxiiProxyTest.BehindAProxy.class)
class TaxiiProxyTest {

    public static class BehindAProxy implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.enable-forwarded-host", "true",
                    "quarkus.http.proxy.enable-forwarded-prefix", "true");
        }
    }

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
