package io.threatingest.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.SmallLimitsProfile;
import io.threatingest.support.TestCredentials;

/**
 * Every request limit, and the error answer of the framework-level statuses. The limits are those of the start this
 * class shares ({@link SmallLimitsProfile}), whose rate limit allows each caller a burst of three requests: each test
 * calls as a reporter and a trusted caller of its own.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(SmallLimitsProfile.class)
class LimitsTest {

    @TestHTTPResource("/api/ingest/v1/entity")
    URI entity;

    /** Bearer tokens of callers of this test's own. */
    private String reporter;
    private String trusted;

    @BeforeEach
    void callersOfItsOwn() {
        reporter = TestCredentials.freshToken("limits", List.of("reporter"));
        trusted = TestCredentials.freshToken("limits", List.of("trusted"));
    }

    private static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    private Response post(String body) {
        return as(reporter).contentType(ContentType.JSON).queryParam("dryRun", "true").body(body)
                .post(EntityIngestTest.ENTITY);
    }

    private static final String IP = "\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.8.8\"}";
    private static final String NESTED = "{" + IP + ",\"associations\":[{" + IP + ",\"associations\":[{" + IP
            + ",\"associations\":[{" + IP + "}]}]}]}";

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            NESTED + " | /associations/0/associations/0/associations/0 | association depth",
            "{" + IP + ",\"associations\":[{" + IP + "},{" + IP + "},{" + IP + "},{" + IP + "},{" + IP
                    + "}]} | /associations/4 | entities",
            "{\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.8.8\",\"text\":\"a\",\"value\":\"b\",\"os\":\"c\"}} | /attributes | attributes",
            "{" + IP + ",\"tags\":[\"a\",\"b\",\"c\"]} | /tags | tags",
            "{" + IP + ",\"visibleBy\":[\"soc\",\"public\",\"soc\"]} | /visibleBy | visibleBy",
            "{\"type\":\"malware\",\"attributes\":{\"malware\":\"x\",\"malware-type\":\"y\",\"malware-family\":\"z\"},\"correlate\":[\"malware-type\",\"malware-family\"]} | /correlate | correlate" })
    void eachLimitIsA400NamingWhere(String body, String param, String limit) {
        Response response = post(body);
        EntityIngestTest.assertErrorHeaders(response, 400);
        response.then().body("error.param", equalTo(param));
    }

    @Test
    void oversizedBodiesAre413WhateverTheEncoding() throws Exception {
        String big = "{" + IP + ",\"tags\":[\"" + "x".repeat(SmallLimitsProfile.MAX_BODY_SIZE) + "\"]}";
        Response sized = post(big);
        EntityIngestTest.assertErrorHeaders(sized, 413);

        HttpURLConnection chunked = (HttpURLConnection) entity.toURL().openConnection();
        chunked.setRequestMethod("POST");
        chunked.setDoOutput(true);
        chunked.setChunkedStreamingMode(512);
        chunked.setRequestProperty("Content-Type", "application/json");
        chunked.setRequestProperty("Authorization", "Bearer " + reporter);
        try (OutputStream out = chunked.getOutputStream()) {
            out.write(big.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException closedEarly) {
            // the server may answer and close before the whole body is sent
        }
        assertEquals(413, chunked.getResponseCode());
        assertTrue(chunked.getHeaderField("x-error-id").matches(EntityIngestTest.UUID_PATTERN));
    }

    @Test
    void frameworkStatusesCarryTheErrorHeaders() {
        EntityIngestTest.assertErrorHeaders(RestAssured.given().get("/no/such/path/" + UUID.randomUUID()), 404);
        EntityIngestTest.assertErrorHeaders(as(trusted).get(EntityIngestTest.ENTITY), 405);
        EntityIngestTest.assertErrorHeaders(as(trusted).contentType("text/plain").body("x")
                .post("/api/ingest/v1/well-known"), 415);
        EntityIngestTest.assertErrorHeaders(as(trusted).accept("text/csv")
                .contentType(ContentType.JSON).body("{" + IP + "}").post("/api/ingest/v1/well-known"), 406);
    }
}
