package io.threatingest.taxii;

import static org.hamcrest.Matchers.matchesPattern;

import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.threatingest.local.EmbeddedBroker;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.NeedsEmbeddedBroker;
import io.threatingest.support.TestCredentials;

/** When the broker takes none of the valid objects, adding them is a 503 TAXII error with Retry-After. */
@NeedsEmbeddedBroker
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(TaxiiBrokerOutageTest.OwnBroker.class)
class TaxiiBrokerOutageTest {

    /** A broker of its own, so that filling it up cannot disturb other test classes. */
    public static class OwnBroker implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    @InjectBroker
    EmbeddedBroker broker;

    @Test
    void aBrokerThatTakesNothingIs503() {
        AddressSettings full = new AddressSettings().setMaxSizeBytes(1)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.FAIL);
        broker.server().getAddressSettingsRepository().addMatch(EmbeddedBrokerResource.ENTITIES, full);
        try {
            // the first message may still fit
            TaxiiTest.add(TestCredentials.reporter(), TaxiiTest.FEED, TaxiiTest.Envelope.fresh().body());
            Response refused = TaxiiTest.add(TestCredentials.reporter(), TaxiiTest.FEED,
                    TaxiiTest.Envelope.fresh().body());
            TaxiiTest.assertTaxiiError(refused, 503);
            refused.then().header("Retry-After", matchesPattern("[1-9][0-9]*"));
        } finally {
            broker.server().getAddressSettingsRepository().addMatch(EmbeddedBrokerResource.ENTITIES,
                    new AddressSettings().setMaxSizeBytes(-1)
                            .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE));
        }
    }
}
