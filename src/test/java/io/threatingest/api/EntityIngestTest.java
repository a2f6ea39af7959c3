package io.threatingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.DeliveredEvent;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.Sha3;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonObject;

@BrokerFacing
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class EntityIngestTest {

    static final String ENTITY = "/api/ingest/v1/entity";
    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @InjectBroker
    BrokerQueues queues;

    private static Response post(String body) {
        return TestCredentials.reporter().contentType(ContentType.JSON).body(body).post(ENTITY);
    }

    @Test
    void referenceExampleIsAcknowledgedOnlyOnceTheBrokerHoldsIt() throws Exception {
        Instant before = Instant.now();
        JsonPath answer = post(EntityResource.EXAMPLE).then()
                .statusCode(202)
                .body("message", equalTo("acknowledged"))
                .body("id", equalTo(Sha3.id("ip", "203.0.113.1")))
                .body("ids", equalTo(List.of(Sha3.id("ip", "203.0.113.1"))))
                .extract().jsonPath();
        String submissionId = answer.getString("submissionId");

        DeliveredEvent message = queues.entities().await(submissionId, Duration.ofSeconds(10));

        assertTrue(message.durable());
        assertEquals("io.threatingest.entity.submitted", message.type());
        assertEquals("application/json", message.contentType());
        assertEquals("1.0", message.attribute("specversion"));
        assertEquals(submissionId, message.attribute("id"));
        assertEquals("io.threatingest.entity.submitted", message.attribute("type"));
        assertEquals("/threat-ingest", message.attribute("source"));
        assertEquals(Sha3.id("ip", "203.0.113.1"), message.attribute("subject"));
        Instant time = Instant.parse(message.attribute("time"));
        assertFalse(time.isBefore(before.minusSeconds(1)), "time is when the request was received");

        JsonObject event = message.body().toJsonObject();
        assertEquals(submissionId, event.getString("submissionId"));
        // the same instant (Kafka's ce_time header writes the fraction in groups of three digits, so not the same text)
        assertEquals(Instant.parse(message.attribute("time")), Instant.parse(event.getString("receivedAt")));
        assertEquals(TestCredentials.REPORTER.userId(), event.getString("userId"));
        assertEquals(TestCredentials.REPORTER.groups(), event.getJsonArray("groups").getList());
        assertEquals(false, event.getBoolean("wellKnown"));
        JsonObject entity = event.getJsonArray("entities").getJsonObject(0);
        assertEquals(Sha3.id("ip", "203.0.113.1"), entity.getString("id"));
        assertEquals("203.0.113.1", entity.getString("value"));
        assertEquals(Map.of("ip", "203.0.113.1", "text", "seen brute-forcing ssh", "value", "honeypot-eu-1"),
                entity.getJsonObject("attributes").getMap());
        assertEquals(-1, entity.getInteger("reputation"));
        assertEquals(List.of("ssh", "bruteforce"), entity.getJsonArray("tags").getList());
        assertEquals(List.of("public"), entity.getJsonArray("visibleBy").getList());
        assertTrue(event.getJsonArray("relations").isEmpty());
    }

    static final String THREE_LEVELS = """
            {
              "type": "domain",
              "attributes": {"domain": "Login.Evil-Example.COM", "whois-registrar": "Shady Registrar LLC"},
              "reputation": -3,
              "associations": [
                {
                  "mode": "association",
                  "type": "ip",
                  "attributes": {"ip": "2001:DB8:0:0::53"},
                  "associations": [
                    {"mode": "aggregation", "type": "asn", "attributes": {"asn": 64500}, "visibleBy": ["public"]}
                  ]
                },
                {
                  "type": "malware",
                  "attributes": {"malware": "Emotet", "malware-family": "Banking TROJAN"},
                  "correlate": ["malware-family"],
                  "associations": null,
                  "tags": null
                }
              ],
              "correlate": null,
              "visibleBy": null
            }""";

    @Test
    void threeLevelTreeArrivesFlattenedWithExactIdsAndRelations() throws Exception {
        String domain = Sha3.id("domain", "login.evil-example.com");
        String ip = Sha3.id("ip", "2001:db8::53");
        String asn = Sha3.id("asn", "64500");
        String malware = Sha3.id("malware", "emotet");
        String family = Sha3.id("malware-family", "banking trojan");

        JsonPath answer = post(THREE_LEVELS).then().statusCode(202)
                .body("id", equalTo(domain))
                .body("ids", equalTo(List.of(domain, ip, asn, malware, family)))
                .extract().jsonPath();

        JsonObject event = queues.entities().await(answer.getString("submissionId"), Duration.ofSeconds(10))
                .body().toJsonObject();
        assertEquals(domain, event.getString("rootId"));
        assertEquals(List.of(domain, ip, asn, malware, family),
                event.getJsonArray("entities").stream().map(e -> ((JsonObject) e).getString("id")).toList());
        assertEquals(List.of(
                Map.of("entityID", ip, "relatedEntityID", asn, "mode", "aggregation"),
                Map.of("entityID", domain, "relatedEntityID", ip, "mode", "association"),
                Map.of("entityID", malware, "relatedEntityID", family, "mode", "association"),
                Map.of("entityID", domain, "relatedEntityID", malware, "mode", "association")),
                event.getJsonArray("relations").stream().map(r -> ((JsonObject) r).getMap()).toList());
        JsonObject asnEntity = event.getJsonArray("entities").getJsonObject(2);
        assertEquals(64500, asnEntity.getInteger("value"));
        assertEquals(List.of("public"), asnEntity.getJsonArray("visibleBy").getList());
        assertEquals(TestCredentials.REPORTER.groups(),
                event.getJsonArray("entities").getJsonObject(1).getJsonArray("visibleBy").getList());
        assertEquals("shady registrar llc",
                event.getJsonArray("entities").getJsonObject(0).getJsonObject("attributes")
                        .getString("whois-registrar"));
    }

    @Test
    void dryRunReturnsNormalisedValuesAndPublishesNothing() throws Exception {
        String dryDomain = "dry-run-" + System.nanoTime() + ".example.org";
        TestCredentials.reporter().contentType(ContentType.JSON).queryParam("dryRun", "true")
                .body("{\"type\":\"domain\",\"attributes\":{\"domain\":\"" + dryDomain.toUpperCase() + "\"},"
                        + "\"associations\":[{\"type\":\"ip\",\"attributes\":{\"ip\":\"::FFFF:8.8.8.8\"}}]}")
                .post(ENTITY).then().statusCode(200)
                .body("id", equalTo(Sha3.id("domain", dryDomain)))
                .body("submissionId", nullValue())
                .body("entities[0].value", equalTo(dryDomain))
                .body("entities[1].value", equalTo("8.8.8.8"))
                .body("entities[1].id", equalTo("ip-ba7fa36bff8d58ee45b973615e83d9aaeb921f1cc477d9c156e8a9cae8cca16e"));
        TestCredentials.reporter().contentType(ContentType.JSON).queryParam("dryRun", "true")
                .body("{\"type\":\"asn\",\"attributes\":{\"asn\":15169}}").post(ENTITY)
                .then().statusCode(200).body("entities[0].value", equalTo(15169));

        // Messages on one link arrive in order: once a later real submission is here, a dry-run one would be too.
        String marker = post("{\"type\":\"domain\",\"attributes\":{\"domain\":\"marker.example.org\"}}")
                .then().statusCode(202).extract().path("submissionId");
        queues.entities().await(marker, Duration.ofSeconds(10));
        assertFalse(queues.entities().received().stream()
                .anyMatch(m -> m.body().toString().contains(dryDomain)));
    }

    @Test
    void dryRunRejectsWhatTheRealRequestRejects() {
        TestCredentials.reporter().contentType(ContentType.JSON).queryParam("dryRun", "true")
                .body("{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.168.1.1\"}}").post(ENTITY)
                .then().statusCode(400).body("error.param", equalTo("/attributes/ip"));
    }

    @Test
    void healthLivenessAndReadiness() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'amqp-broker' }.status", equalTo("UP"));
    }

    @Test
    void openApiDescribesTheEndpointAndSwaggerUiIsServed() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/ingest/v1/entity'.post.responses.'202'", not(nullValue()))
                .body("paths.'/api/ingest/v1/entity'.post.responses.'400'", not(nullValue()))
                .body("paths.'/api/ingest/v1/entity'.post.responses.'503'", not(nullValue()))
                .body("paths.'/api/ingest/v1/entity'.post.responses.'401'.headers.'x-error-id'", not(nullValue()))
                .body("paths.'/api/ingest/v1/definitions'.get.responses.'401'", not(nullValue()))
                .body("paths.'/api/ingest/v1/definitions'.get.responses.'503'.description",
                        org.hamcrest.Matchers.containsString("shutting down"))
                .body("paths.'/api/ingest/v1/scan'.post.responses.'503'", not(nullValue()))
                .body("components.securitySchemes.apiKey.name", equalTo("api-key"))
                .body("components.schemas.Entity.properties.type", not(nullValue()))
                .body("components.schemas.Error.properties.error", not(nullValue()));
        given().get("/q/swagger-ui/").then().statusCode(200).body(not(emptyOrNullString()));
    }

    /** The error headers and body; x-error is the body's message made header-safe (printable ASCII). */
    static void assertErrorHeaders(Response response, int status) {
        response.then().statusCode(status)
                .header("x-error", not(emptyOrNullString()))
                .header("x-error-id", matchesPattern(UUID_PATTERN))
                .body("error.error_id", equalTo(response.header("x-error-id")));
        String message = response.path("error.message");
        StringBuilder headerSafe = new StringBuilder();
        message.chars().limit(1024).forEach(c -> headerSafe.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        assertEquals(headerSafe.toString(), response.header("x-error"));
    }
}
