package io.threatingest.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.TestCredentials;

/**
 * Documents that are not what /stix, /misp and /extract take are refused with a 4xx, the error headers, the error
 * body and a pointer where there is one: never a 500.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class IntakeErrorsTest {

    private static ValidatableResponse post(String path, String contentType, byte[] body) {
        return TestCredentials.reporter().contentType(contentType).body(body).post(path).then()
                .header("x-error", notNullValue())
                .header("x-error-id", matchesPattern("[0-9a-f-]{36}"))
                .body("error.error_id", notNullValue());
    }

    private static ValidatableResponse post(String path, String contentType, String body) {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "/api/ingest/v1/stix | {\"type\":\"bundle\",\"objects\":[{\"type\":\"ipv4-addr\",} | /objects/0/type",
            "/api/ingest/v1/stix | {\"type\":\"bundle\",\"objects\":[1, 2 | /objects/1",
            "/api/ingest/v1/stix | {\"type\":\"bundle\",\"id\":\"bundle--1\",\"id\":\"bundle--2\",\"objects\":[]} | /id",
            "/api/ingest/v1/misp | {\"Event\":{\"Attribute\":[{\"type\":\"ip-dst\",\"value\":\"1.2.3.4\"]}} | /Event/Attribute/0/value",
            "/api/ingest/v1/misp | [ | ~~" })
    // the pointer names the member the parser was in when the syntax broke
    void malformedJsonIsA400WithWhereTheSyntaxBroke(String path, String body, String pointer) {
        post(path, "application/json", body).statusCode(400)
                .body("error.message", matchesPattern("malformed JSON: .*(line 1|named twice).*"))
                .body("error.param", equalTo(pointer));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "/api/ingest/v1/stix | {\"type\":\"report\",\"objects\":[]} | /type",
            "/api/ingest/v1/stix | {\"objects\":[]} | /type",
            "/api/ingest/v1/stix | [] | ~~",
            "/api/ingest/v1/stix | \"bundle\" | ~~",
            "/api/ingest/v1/stix | {\"type\":\"bundle\",\"objects\":{}} | /objects",
            "/api/ingest/v1/stix | {\"type\":\"bundle\"} | /objects",
            "/api/ingest/v1/misp | [1] | /0",
            "/api/ingest/v1/misp | 5 | ~~",
            "/api/ingest/v1/misp | {} | ~~" })
    void aDocumentNotOfItsFormatIsA400WithItsPointer(String path, String body, String pointer) {
        post(path, "application/json", body).statusCode(400)
                .body("error.param", equalTo(pointer));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "/api/ingest/v1/stix, application/xml",
            "/api/ingest/v1/stix, text/plain",
            "/api/ingest/v1/misp, application/stix+json",
            "/api/ingest/v1/misp, text/plain",
            "/api/ingest/v1/extract, application/json" })
    void anotherMediaTypeIsA415(String path, String contentType) {
        post(path, contentType, "{}").statusCode(415);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "/api/ingest/v1/stix, application/json", "/api/ingest/v1/misp, application/json",
            "/api/ingest/v1/extract, text/plain" })
    void anEmptyBodyIsA400(String path, String contentType) {
        post(path, contentType, new byte[0]).statusCode(400).body("error.message", containsString("send"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "/api/ingest/v1/stix?dryRun=maybe, dryRun", "/api/ingest/v1/stix?refang=1, refang",
            "/api/ingest/v1/misp?dryRun=yes, dryRun" })
    void aBadQueryParameterIsA400NamingIt(String path, String parameter) {
        post(path, "application/json", "{\"type\":\"bundle\",\"objects\":[]}").statusCode(400)
                .body("error.param", equalTo(parameter));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "submit=maybe, submit", "reputation=bad, reputation", "reputation=1.5, reputation" })
    void aBadExtractParameterIsA400NamingIt(String query, String parameter) {
        post("/api/ingest/v1/extract?" + query, "text/plain", "seen at 203.0.113.9").statusCode(400)
                .body("error.param", equalTo(parameter));
    }

    @org.junit.jupiter.api.Test
    void textThatIsNotInItsCharsetIsA400AndAnUnknownCharsetA415() {
        byte[] latin1 = "caf\u00e9 203.0.113.9".getBytes(StandardCharsets.ISO_8859_1);
        post("/api/ingest/v1/extract", "text/plain; charset=UTF-8", latin1).statusCode(400)
                .body("error.message", containsString("not UTF-8 text"));
        post("/api/ingest/v1/extract", "text/plain; charset=no-such-charset", "203.0.113.9").statusCode(415);
        // the same bytes are fine in the charset they were written in
        TestCredentials.reporter().contentType("text/plain; charset=ISO-8859-1").body(latin1)
                .post("/api/ingest/v1/extract").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "/api/ingest/v1/stix, application/json", "/api/ingest/v1/misp, application/json",
            "/api/ingest/v1/extract, text/plain" })
    void noCredentialsIs401AndAnotherRoleIs403(String path, String contentType) {
        RestAssured.given().contentType(contentType).body("{}").post(path).then().statusCode(401)
                .header("x-error", notNullValue());
        TestCredentials.TRUSTED.given().contentType(contentType).body("{}").post(path).then().statusCode(403)
                .header("x-error", notNullValue());
    }
}
