package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.TestCredentials;

/**
 * What bounds a request besides its body (README "Limits"): the header block, 64 KiB in all, and the request
 * line, 4 KiB. A Bearer token with many groups and a client sending many headers fit; beyond the bounds the HTTP
 * layer answers 431 or 414 at once (never a hang).
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class HeaderLimitsTest {

    private static final String IP = "{\"type\":\"ip\",\"attributes\":{\"ip\":\"203.0.113.7\"}}";

    @Test
    void bearerTokenWithFifteenHundredGroupsIsAccepted() {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            groups.add(String.format("analyst-team-%05d", i));
        }
        String token = TestCredentials.rs256(TestCredentials.claims("many-groups", List.of("reporter"), groups));
        assertTrue(token.length() > 40_000, "token of " + token.length() + " characters");

        RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(IP)
                .queryParam("dryRun", true).post("/api/ingest/v1/entity")
                .then().statusCode(200);
    }

    @Test
    void twoHundredHeadersOfAHundredBytesAreAccepted() {
        RequestSpecification request = TestCredentials.reporter().contentType(ContentType.JSON).body(IP)
                .queryParam("dryRun", true);
        for (int i = 0; i < 200; i++) {
            request.header("x-client-" + i, "v".repeat(100));
        }
        request.post("/api/ingest/v1/entity").then().statusCode(200);
    }

    @Test
    void headerBlockOver64KibIs431() {
        int status = TestCredentials.reporter().header("x-padding", "p".repeat(66 * 1024)).contentType(ContentType.JSON)
                .body(IP).post("/api/ingest/v1/entity").statusCode();
        assertEquals(431, status);
    }

    @Test
    void requestLineOver4KibIs414() {
        int status = TestCredentials.reporter().contentType(ContentType.JSON).body(IP)
                .post("/api/ingest/v1/entity?dryRun=true&padding=" + "q".repeat(4096)).statusCode();
        assertEquals(414, status);
    }
}
