package io.threatingest.taxii;

import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.threatingest.local.EmbeddedBroker;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.FullAddress;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.NeedsEmbeddedBroker;
import io.threatingest.support.OwnBrokerProfile;
import io.threatingest.support.TestCredentials;

/**
 * When the broker takes none of the valid objects, adding them is a 503 TAXII error with Retry-After. The broker is
 * shared only with the other tests of {@link OwnBrokerProfile}, so that filling it up disturbs no other class.
 */
@BrokerFacing
@NeedsEmbeddedBroker
@QuarkusTest
@WithTestResource(value = EmbeddedBrokerResource.class, initArgs = {
        @ResourceArg(name = "persistent", value = "true"), @ResourceArg(name = "settings", value = "amqp") })
@WithTestResource(AuthFixtureResource.class)
@TestProfile(OwnBrokerProfile.class)
class TaxiiBrokerOutageTest {

    @InjectBroker
    EmbeddedBroker broker;

    @Test
    void aBrokerThatTakesNothingIs503() {
        try (FullAddress full = FullAddress.of(broker, EmbeddedBrokerResource.ENTITIES)) {
            // the first message may still fit
            TaxiiTest.add(TestCredentials.reporter(), TaxiiTest.FEED, TaxiiTest.Envelope.fresh().body());
            Response refused = TaxiiTest.add(TestCredentials.reporter(), TaxiiTest.FEED,
                    TaxiiTest.Envelope.fresh().body());
            TaxiiTest.assertTaxiiError(refused, 503);
            refused.then().header("Retry-After", matchesPattern("[1-9][0-9]*"));
        }
    }
}
