package io.threatingest.taxii;

import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.TestCredentials;

/** A caller over its rate limit on a TAXII endpoint gets a TAXII error message with the rate-limit headers. */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(TaxiiRateLimitTest.OneRequest.class)
class TaxiiRateLimitTest {

    public static class OneRequest implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ingest.rate-limit.enabled", "true", "ingest.rate-limit.burst", "1",
                    "ingest.rate-limit.requests-per-second", "0.01");
        }
    }

    @Test
    void overTheRateLimitIsATaxiiError() {
        String token = TestCredentials.rs256(TestCredentials.claims("taxii-limited-" + UUID.randomUUID(),
                List.of("reporter"), List.of("soc")));
        RequestSpecification caller = RestAssured.given().auth().oauth2(token);
        TaxiiTest.taxii(caller).get(TaxiiTest.ROOT).then().statusCode(200);
        Response limited = TaxiiTest.taxii(caller).get(TaxiiTest.ROOT);
        TaxiiTest.assertTaxiiError(limited, 429);
        limited.then().header("Retry-After", notNullValue()).header("RateLimit-Limit", "1");
    }
}
