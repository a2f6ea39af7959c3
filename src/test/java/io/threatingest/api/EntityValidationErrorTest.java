package io.threatingest.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.TestCredentials;

/** One 400 per decoding and validation rule, each naming the offending field. */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class EntityValidationErrorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown type              | {\"type\":\"ipv4\",\"attributes\":{\"ip\":\"8.8.8.8\"}}                       | /type                  | unknown type: ipv4",
            "missing type              | {\"attributes\":{\"ip\":\"8.8.8.8\"}}                                        | /type                  | type is required",
            "missing main attribute    | {\"type\":\"ip\",\"attributes\":{\"text\":\"x\"}}                             | /attributes/ip         | missing main attribute",
            "no attributes             | {\"type\":\"ip\"}                                                             | /attributes/ip         | missing main attribute",
            "unknown attribute key     | {\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.8.8\",\"source\":\"x\"}}       | /attributes/source     | unknown attribute: source",
            "invalid main value        | {\"type\":\"ip\",\"attributes\":{\"ip\":\"127.1\"}}                           | /attributes/ip         | invalid IP: 127.1",
            "invalid nested value      | {\"type\":\"domain\",\"attributes\":{\"domain\":\"a.com\"},\"associations\":[{\"type\":\"ip\",\"attributes\":{\"ip\":\"10.1.1.1\"}}]} | /associations/0/attributes/ip | cannot accept private IP",
            "bad mode                  | {\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.8.8\"},\"associations\":[{\"mode\":\"contains\",\"type\":\"asn\",\"attributes\":{\"asn\":1}}]} | /associations/0/mode | mode must be",
            "reputation too low        | {\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.8.8\"},\"reputation\":-4}       | /reputation            | reputation must be",
            "reputation too high       | {\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.8.8\"},\"reputation\":4}        | /reputation            | reputation must be",
            "unknown correlate name    | {\"type\":\"malware\",\"attributes\":{\"malware\":\"x\"},\"correlate\":[\"malware-type\"]} | /correlate/0 | correlate names an attribute",
            "string for integer field  | {\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.8.8\"},\"reputation\":\"1\"}    | /reputation            | expected an integer",
            "fraction for integer      | {\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.8.8\"},\"reputation\":1.5}      | /reputation            | expected an integer",
            "number for string field   | {\"type\":7,\"attributes\":{\"ip\":\"8.8.8.8\"}}                             | /type                  | expected a string",
            "string for Integer type   | {\"type\":\"asn\",\"attributes\":{\"asn\":\"15169\"}}                         | /attributes/asn        | expected an integer",
            "fraction for Integer type | {\"type\":\"asn\",\"attributes\":{\"asn\":1.0}}                               | /attributes/asn        | expected an integer",
            "number for String type    | {\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.8.8\",\"text\":5}}              | /attributes/text       | expected a string",
            "string for array field    | {\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.8.8\"},\"tags\":\"x\"}          | /tags                  | expected an array",
            "number in string array    | {\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.8.8\"},\"visibleBy\":[1]}       | /visibleBy/0           | expected a string",
            "array for the document    | []                                                                            | ''                     | expected an object" })
    void answers400NamingTheField(String rule, String body, String param, String reason) {
        Response response = TestCredentials.reporter().contentType(ContentType.JSON).body(body)
                .post(EntityIngestTest.ENTITY);
        EntityIngestTest.assertErrorHeaders(response, 400);
        response.then().body("error.param", equalTo(param))
                .body("error.type", equalTo("WARNING"))
                .body("error.message", containsString(reason));
    }

    /** The pointer names the member the parser was in when the syntax broke ("" for the document itself). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = { "{\"type\":\"ip\", | /type",
            "{\"type\":\"ip\",\"attributes\":{}} trailing | ~~", "not json | ~~",
            "{\"type\":\"ip\",\"attributes\":{\"ip\":\"1.2.3.4\",}} | /attributes/ip" })
    void malformedJsonIsA400WithWhereTheSyntaxBroke(String body, String pointer) {
        Response response = TestCredentials.reporter().contentType(ContentType.JSON).body(body)
                .post(EntityIngestTest.ENTITY);
        EntityIngestTest.assertErrorHeaders(response, 400);
        response.then().body("error.message", containsString("malformed JSON")).body("error.param", equalTo(pointer));
    }

    /**
     * Nesting far deeper than any entity has (50,000 arrays) is refused with a 400 and the error headers, not
     * followed. Under the default body limit, so that the 100 KB body reaches the parser (in a start with a small body
     * limit it would be refused as too large before that, which the test takes too). Sent as bytes: RestAssured, as
     * {@code @QuarkusTest} sets it up, takes seconds (up to half a minute here) over a String body nested this deep
     * before sending it.
     */
    @Test
    void deeplyNestedJsonIsRefusedWhileReading() {
        String deep = "{\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.8.8\"},\"tags\":" + "[".repeat(50_000)
                + "]".repeat(50_000) + "}";
        Response response = TestCredentials.TRUSTED.given().contentType(ContentType.JSON)
                .body(deep.getBytes(StandardCharsets.UTF_8)).post("/api/ingest/v1/well-known");
        assertTrue(response.statusCode() == 400 || response.statusCode() == 413, "got " + response.statusCode());
        EntityIngestTest.assertErrorHeaders(response, response.statusCode());
    }

    @ParameterizedTest
    @CsvSource({ "maybe", "1" })
    void invalidDryRunValueIsA400(String value) {
        Response response = TestCredentials.reporter().contentType(ContentType.JSON).queryParam("dryRun", value)
                .body("{\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.8.8\"}}").post(EntityIngestTest.ENTITY);
        EntityIngestTest.assertErrorHeaders(response, 400);
        response.then().body("error.param", equalTo("dryRun"));
    }
}
