package io.threatingest.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.Sha3;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonObject;

/** {@code ?refang=true} on POST /entity and /well-known, and dry runs of /well-known. */
@BrokerFacing
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class RefangIngestTest {

    static final String WELL_KNOWN = "/api/ingest/v1/well-known";

    /** A defanged tree as an analyst pastes it from a report: three levels, five defanged values. */
    static final String DEFANGED_TREE = """
            {
              "type": "url",
              "attributes": {
                "url": "hxxps://Login[.]Evil-Example[.]COM/Path",
                "link": "hxxp://report[.]example[.]org/x",
                "text": "from a report [.] somewhere"
              },
              "associations": [
                {
                  "type": "domain",
                  "attributes": {"domain": "Login[.]Evil-Example[DOT]COM"},
                  "associations": [
                    {"mode": "aggregation", "type": "ip", "attributes": {"ip": "203.0.113[.]77"}}
                  ]
                },
                {"type": "email-address", "attributes": {"email-address": "Phish[at]Evil-Example[.]COM"}}
              ]
            }""";

    static final String URL_ID = Sha3.id("url", "https://login.evil-example.com/Path");
    static final String DOMAIN_ID = Sha3.id("domain", "login.evil-example.com");
    static final String IP_ID = Sha3.id("ip", "203.0.113.77");
    static final String EMAIL_ID = Sha3.id("email-address", "phish@evil-example.com");

    static final List<Map<String, String>> TREE_CHANGES = List.of(
            change("/attributes/url", "hxxps://Login[.]Evil-Example[.]COM/Path",
                    "https://Login.Evil-Example.COM/Path"),
            change("/attributes/link", "hxxp://report[.]example[.]org/x", "http://report.example.org/x"),
            change("/associations/0/attributes/domain", "Login[.]Evil-Example[DOT]COM", "Login.Evil-Example.COM"),
            change("/associations/0/associations/0/attributes/ip", "203.0.113[.]77", "203.0.113.77"),
            change("/associations/1/attributes/email-address", "Phish[at]Evil-Example[.]COM",
                    "Phish@Evil-Example.COM"));

    @InjectBroker
    BrokerQueues queues;

    private static Map<String, String> change(String param, String from, String to) {
        return Map.of("param", param, "from", from, "to", to);
    }

    private static Response post(RequestSpecification as, String path, Map<String, String> query, String body) {
        return as.contentType(ContentType.JSON).queryParams(query).body(body).post(path);
    }

    @Test
    void defangedTreeIsPublishedWithTheIdsOfTheCleanValues() throws Exception {
        JsonPath answer = post(TestCredentials.reporter(), EntityIngestTest.ENTITY, Map.of("refang", "true"),
                DEFANGED_TREE).then().statusCode(202)
                .body("id", equalTo(URL_ID))
                .body("ids", equalTo(List.of(URL_ID, DOMAIN_ID, IP_ID, EMAIL_ID)))
                .body("refanged", equalTo(TREE_CHANGES))
                .extract().jsonPath();

        JsonObject event = queues.entities().await(answer.getString("submissionId"), Duration.ofSeconds(10))
                .body().toJsonObject();
        assertEquals(List.of(URL_ID, DOMAIN_ID, IP_ID, EMAIL_ID),
                event.getJsonArray("entities").stream().map(e -> ((JsonObject) e).getString("id")).toList());
        JsonObject root = event.getJsonArray("entities").getJsonObject(0);
        assertEquals("https://login.evil-example.com/Path", root.getString("value"));
        assertEquals(Map.of("url", "https://login.evil-example.com/Path", "link", "http://report.example.org/x",
                "text", "from a report [.] somewhere"), root.getJsonObject("attributes").getMap());
        assertEquals("login.evil-example.com", event.getJsonArray("entities").getJsonObject(1).getString("value"));
        assertEquals("203.0.113.77", event.getJsonArray("entities").getJsonObject(2).getString("value"));
        assertEquals("phish@evil-example.com", event.getJsonArray("entities").getJsonObject(3).getString("value"));
    }

    @Test
    void dryRunShowsTheCleanValuesIdsAndChanges() {
        post(TestCredentials.reporter(), EntityIngestTest.ENTITY, Map.of("refang", "true", "dryRun", "true"),
                DEFANGED_TREE).then().statusCode(200)
                .body("id", equalTo(URL_ID))
                .body("submissionId", nullValue())
                .body("ids", equalTo(List.of(URL_ID, DOMAIN_ID, IP_ID, EMAIL_ID)))
                .body("entities.value", equalTo(List.of("https://login.evil-example.com/Path",
                        "login.evil-example.com", "203.0.113.77", "phish@evil-example.com")))
                .body("refanged", equalTo(TREE_CHANGES));
    }

    @Test
    void nothingDefangedGivesAnEmptyListAndNoRefangNoList() {
        String clean = "{\"type\":\"ip\",\"attributes\":{\"ip\":\"203.0.113.78\"}}";
        post(TestCredentials.reporter(), EntityIngestTest.ENTITY, Map.of("refang", "true"), clean)
                .then().statusCode(202).body("refanged", equalTo(List.of()));
        post(TestCredentials.reporter(), EntityIngestTest.ENTITY, Map.of("refang", "TRUE", "dryRun", "true"), clean)
                .then().statusCode(200).body("refanged", equalTo(List.of()));
        post(TestCredentials.reporter(), EntityIngestTest.ENTITY, Map.of(), clean)
                .then().statusCode(202).body("$", not(hasKey("refanged")));
        post(TestCredentials.reporter(), EntityIngestTest.ENTITY, Map.of("refang", "false", "dryRun", "true"), clean)
                .then().statusCode(200).body("$", not(hasKey("refanged")));
    }

    @ParameterizedTest
    @CsvSource({ "''", "false" })
    void withoutRefangADefangedValueIsRefusedAsBefore(String refang) {
        Map<String, String> query = refang.isEmpty() ? Map.of() : Map.of("refang", refang);
        Response response = post(TestCredentials.reporter(), EntityIngestTest.ENTITY, query,
                "{\"type\":\"domain\",\"attributes\":{\"domain\":\"evil[.]example.com\"}}");
        EntityIngestTest.assertErrorHeaders(response, 400);
        response.then().body("error.param", equalTo("/attributes/domain"));
    }

    @Test
    void aRefangedValueThatIsStillInvalidIsRefusedAtItsPointer() {
        Response response = post(TestCredentials.reporter(), EntityIngestTest.ENTITY, Map.of("refang", "true"),
                "{\"type\":\"domain\",\"attributes\":{\"domain\":\"evil[.]example[.]com\"},"
                        + "\"associations\":[{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.168.1[.]1\"}}]}");
        EntityIngestTest.assertErrorHeaders(response, 400);
        response.then().body("error.param", equalTo("/associations/0/attributes/ip"))
                .body("error.message", containsString("192.168.1.1"));
    }

    @ParameterizedTest
    @CsvSource({
            "/api/ingest/v1/entity, refang, maybe",
            "/api/ingest/v1/well-known, refang, 1",
            "/api/ingest/v1/well-known, dryRun, yes" })
    void aFlagThatIsNeitherTrueNorFalseIsA400(String path, String name, String value) {
        Response response = post(TestCredentials.ADMIN.given(), path, Map.of(name, value),
                "{\"type\":\"ip\",\"attributes\":{\"ip\":\"203.0.113.79\"}}");
        EntityIngestTest.assertErrorHeaders(response, 400);
        response.then().body("error.param", equalTo(name))
                .body("error.message", containsString(name + " must be true or false"));
    }

    @Test
    void wellKnownDryRunChecksTheWellKnownRulesAndPublishesNothing() throws Exception {
        String dryDomain = "well-known-dry-" + System.nanoTime() + ".example.org";
        post(TestCredentials.TRUSTED.given(), WELL_KNOWN, Map.of("dryRun", "true"),
                "{\"type\":\"domain\",\"attributes\":{\"domain\":\"" + dryDomain.toUpperCase() + "\"}}")
                .then().statusCode(200)
                .body("message", equalTo("acknowledged"))
                .body("id", equalTo(Sha3.id("domain", dryDomain)))
                .body("ids", equalTo(List.of(Sha3.id("domain", dryDomain))))
                .body("submissionId", nullValue())
                .body("entities[0].value", equalTo(dryDomain))
                .body("$", not(hasKey("refanged")));
        post(TestCredentials.TRUSTED.given(), WELL_KNOWN, Map.of("dryRun", "true"),
                "{\"type\":\"domain\",\"attributes\":{\"domain\":\"" + dryDomain + "\"},\"reputation\":-1}")
                .then().statusCode(400).body("error.param", equalTo("/reputation"));
        post(TestCredentials.TRUSTED.given(), WELL_KNOWN, Map.of("dryRun", "true"),
                "{\"type\":\"domain\",\"attributes\":{\"domain\":\"" + dryDomain + "\"},"
                        + "\"associations\":[{\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.8.8\"}}]}")
                .then().statusCode(400).body("error.param", equalTo("/associations"));

        // Messages on one link arrive in order: once a later real submission is here, a dry-run one would be too.
        String marker = post(TestCredentials.TRUSTED.given(), WELL_KNOWN, Map.of(),
                "{\"type\":\"domain\",\"attributes\":{\"domain\":\"well-known-marker.example.org\"}}")
                .then().statusCode(202).extract().path("submissionId");
        queues.entities().await(marker, Duration.ofSeconds(10));
        assertFalse(queues.entities().received().stream()
                .anyMatch(m -> m.body().toString().contains(dryDomain)));
    }

    @Test
    void wellKnownRefangsInDryRunsAndWhenPublishing() throws Exception {
        String body = "{\"type\":\"domain\",\"attributes\":{\"domain\":\"Trusted[.]Example[.]ORG\","
                + "\"link\":\"hxxps://trusted[.]example[.]org/about\"}}";
        List<Map<String, String>> changes = List.of(
                change("/attributes/domain", "Trusted[.]Example[.]ORG", "Trusted.Example.ORG"),
                change("/attributes/link", "hxxps://trusted[.]example[.]org/about",
                        "https://trusted.example.org/about"));
        String id = Sha3.id("domain", "trusted.example.org");

        post(TestCredentials.TRUSTED.given(), WELL_KNOWN, Map.of("dryRun", "true", "refang", "true"), body)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("entities[0].value", equalTo("trusted.example.org"))
                .body("refanged", equalTo(changes));

        String submissionId = post(TestCredentials.TRUSTED.given(), WELL_KNOWN, Map.of("refang", "true"), body)
                .then().statusCode(202).body("id", equalTo(id)).body("refanged", equalTo(changes))
                .extract().path("submissionId");
        JsonObject event = queues.entities().await(submissionId, Duration.ofSeconds(10)).body()
                .toJsonObject();
        assertEquals(true, event.getBoolean("wellKnown"));
        JsonObject entity = event.getJsonArray("entities").getJsonObject(0);
        assertEquals(id, entity.getString("id"));
        assertEquals(Map.of("domain", "trusted.example.org", "link", "https://trusted.example.org/about"),
                entity.getJsonObject("attributes").getMap());

        post(TestCredentials.TRUSTED.given(), WELL_KNOWN, Map.of("dryRun", "true"), body)
                .then().statusCode(400).body("error.param", equalTo("/attributes/domain"));
    }
}
