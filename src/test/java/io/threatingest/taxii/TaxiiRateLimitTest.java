package io.threatingest.taxii;

import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.SmallLimitsProfile;
import io.threatingest.support.TestCredentials;

/**
 * A caller over its rate limit on a TAXII endpoint gets a TAXII error message with the rate-limit headers. The
 * limit is that of the start this class shares, {@link SmallLimitsProfile}; the caller is one of its own.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(SmallLimitsProfile.class)
class TaxiiRateLimitTest {

    @Test
    void overTheRateLimitIsATaxiiError() {
        RequestSpecification caller = TestCredentials.freshCaller("taxii-limited", "reporter");
        for (int i = 0; i < SmallLimitsProfile.BURST; i++) {
            TaxiiTest.taxii(caller).get(TaxiiTest.ROOT).then().statusCode(200);
        }
        Response limited = TaxiiTest.taxii(caller).get(TaxiiTest.ROOT);
        TaxiiTest.assertTaxiiError(limited, 429);
        limited.then().header("Retry-After", notNullValue())
                .header("RateLimit-Limit", Integer.toString(SmallLimitsProfile.BURST));
    }
}
