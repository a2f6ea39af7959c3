package io.threatingest.experiment;

import static io.restassured.RestAssured.given;

import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.threatingest.messaging.EmbeddedBroker;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.NeedsEmbeddedBroker;
import io.threatingest.support.TestCredentials;

/** Probe: after Artemis refuses messages for a full address and the limit is lifted, when does publishing resume? */
@NeedsEmbeddedBroker
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(RefusalProbeTest.OwnBroker.class)
class RefusalProbeTest {

    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    @InjectBroker
    EmbeddedBroker broker;

    private static int post() {
        return TestCredentials.reporter().contentType(ContentType.JSON)
                .body("{\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.4.4\"}}").post("/api/ingest/v1/entity").statusCode();
    }

    @Test
    void probe() throws Exception {
        broker.server().getAddressSettingsRepository().addMatch(EmbeddedBrokerResource.ENTITIES,
                new AddressSettings().setMaxSizeBytes(1).setAddressFullMessagePolicy(AddressFullMessagePolicy.FAIL));
        System.out.println("PROBE while full: " + post() + " " + post() + " " + post());
        broker.server().getAddressSettingsRepository().addMatch(EmbeddedBrokerResource.ENTITIES,
                new AddressSettings().setMaxSizeBytes(-1).setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE));
        long start = System.nanoTime();
        StringBuilder seen = new StringBuilder();
        int status = 0;
        while (System.nanoTime() - start < 90_000_000_000L && status != 202) {
            status = post();
            long s = (System.nanoTime() - start) / 1_000_000_000L;
            seen.append(s).append("s:").append(status).append("/ready=")
                    .append(given().get("/q/health/ready").statusCode()).append(' ');
        }
        System.out.println("PROBE after the limit was lifted: " + seen);
    }
}
