package io.threatingest.taxii;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.DeliveredEvent;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.RawHttp;
import io.threatingest.support.RawHttp.Answer;
import io.threatingest.support.RawHttp.Encoding;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonObject;

/**
 * The TAXII 2.1 write side over HTTP with the real broker: discovery, API root and collections, adding objects (a
 * status with successes and failures, events with the entities' IDs and the collection's tags), polling the status,
 * and every kind of refusal as a TAXII error message that keeps the service's error headers and object.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class TaxiiTest {

    static final String TAXII = "application/taxii+json;version=2.1";
    static final String FEED = "b6f4c3e2-1a0d-4c5b-8e7f-9a8b7c6d5e4f";
    static final String INTEL = "0c9d8e7f-6a5b-4c3d-9e1f-0a9b8c7d6e5f";
    static final String ROOT = "/taxii2/ingest/";
    static final String OBJECTS = ROOT + "collections/" + FEED + "/objects/";
    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** The body as sent: no charset appended to the TAXII media type. */
    static final RestAssuredConfig EXACT_TYPES = RestAssured.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @InjectBroker
    BrokerQueues queues;

    static RequestSpecification taxii(RequestSpecification request) {
        return request.config(EXACT_TYPES).accept(TAXII);
    }

    /** An address SCO, a domain indicator and an identity (not mapped), with values of their own. */
    record Envelope(String ip, String domain, String ipId, String indicatorId, String identityId, String body) {

        static Envelope fresh() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String ip = "198.51." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
            String domain = "evil-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
            String ipId = "ipv4-addr--" + UUID.randomUUID();
            String indicatorId = "indicator--" + UUID.randomUUID();
            String identityId = "identity--" + UUID.randomUUID();
            String body = """
                    {"objects": [
                      {"type": "ipv4-addr", "spec_version": "2.1", "id": "%s", "value": "%s"},
                      {"type": "indicator", "spec_version": "2.1", "id": "%s",
                       "created": "2024-05-01T10:00:00.000Z", "modified": "2024-05-02T11:00:00.000Z",
                       "name": "Phishing domain", "indicator_types": ["malicious-activity"],
                       "pattern": "[domain-name:value = '%s']", "pattern_type": "stix",
                       "valid_from": "2024-05-01T10:00:00Z"},
                      {"type": "identity", "spec_version": "2.1", "id": "%s",
                       "created": "2024-05-01T09:00:00.000Z", "modified": "2024-05-01T09:00:00.000Z",
                       "name": "ACME CERT", "identity_class": "organization"}
                    ]}""".formatted(ipId, ip, indicatorId, domain, identityId);
            return new Envelope(ip, domain, ipId, indicatorId, identityId, body);
        }
    }

    static Response add(RequestSpecification caller, String collection, String body) {
        return taxii(caller).contentType(TAXII).body(body).post(ROOT + "collections/" + collection + "/objects/");
    }

    /** A TAXII error message that is also the service's uniform error. */
    static JsonPath assertTaxiiError(Response response, int status) {
        response.then().statusCode(status)
                .contentType(TAXII)
                .header("x-error", not(emptyOrNullString()))
                .header("x-error-id", matchesPattern(UUID_PATTERN))
                .body("error_id", equalTo(response.header("x-error-id")))
                .body("http_status", equalTo(Integer.toString(status)))
                .body("title", not(emptyOrNullString()))
                .body("description", equalTo(response.header("x-error")))
                .body("error_code", matchesPattern("[0-9a-f]{32}"))
                .body("error.error_id", equalTo(response.header("x-error-id")))
                .body("error.message", equalTo(response.header("x-error")));
        return response.jsonPath();
    }

    /** The ID the entity API gives this entity. */
    static String entityId(String type, String attribute, String value) {
        return TestCredentials.reporter().contentType(ContentType.JSON)
                .body("{\"type\":\"" + type + "\",\"attributes\":{\"" + attribute + "\":\"" + value + "\"}}")
                .post("/api/ingest/v1/entity?dryRun=true").then().statusCode(200).extract().path("id");
    }

    /** The entities published with {@code id}, from every event that carries it, waiting for the first. */
    List<JsonObject> published(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonObject> found = new ArrayList<>();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            for (DeliveredEvent message : new ArrayList<>(queues.entities().received())) {
                JsonObject event = message.body().toJsonObject();
                event.getJsonArray("entities").forEach(entity -> {
                    if (id.equals(((JsonObject) entity).getString("id"))) {
                        found.add((JsonObject) entity);
                    }
                });
            }
            Thread.sleep(50);
        }
        return found;
    }

    @Test
    void discoveryApiRootAndCollectionsDescribeTheWriteSide() {
        String base = "http://localhost:" + RestAssured.port;
        taxii(TestCredentials.reporter()).get("/taxii2/").then().statusCode(200)
                .contentType(TAXII)
                .header("Content-Type", containsString("version=2.1"))
                .body("title", not(emptyOrNullString()))
                .body("default", equalTo(base + ROOT))
                .body("api_roots", equalTo(List.of(base + ROOT)));
        taxii(TestCredentials.reporter()).get(ROOT).then().statusCode(200)
                .contentType(TAXII)
                .body("versions", equalTo(List.of(TAXII)))
                .body("max_content_length", equalTo(4 * 1024 * 1024));
        JsonPath collections = taxii(TestCredentials.reporter()).get(ROOT + "collections/").then().statusCode(200)
                .contentType(TAXII).extract().jsonPath();
        assertEquals(List.of(INTEL, FEED), collections.getList("collections.id"));
        assertEquals(List.of(false, false), collections.getList("collections.can_read"));
        assertEquals(List.of(true, true), collections.getList("collections.can_write"));
        taxii(TestCredentials.reporter()).get(ROOT + "collections/" + FEED + "/").then().statusCode(200)
                .body("id", equalTo(FEED))
                .body("title", equalTo("Test feed"))
                .body("can_read", equalTo(false))
                .body("can_write", equalTo(true))
                .body("media_types", equalTo(List.of("application/stix+json;version=2.1")));
        // a caller without the role reporter sees the collections, and that it cannot write
        taxii(TestCredentials.TRUSTED.given()).get(ROOT + "collections/" + FEED + "/").then().statusCode(200)
                .body("can_write", equalTo(false));
        taxii(TestCredentials.ADMIN.given()).get(ROOT + "collections/" + FEED + "/").then().statusCode(200)
                .body("can_write", equalTo(true));
        // Accept: application/taxii+json without a version, and any JSON
        given().auth().preemptive().basic(TestCredentials.REPORTER.keyId(), TestCredentials.REPORTER.secret())
                .accept("application/taxii+json").get(ROOT).then().statusCode(200);
        TestCredentials.reporter().accept("application/*").get(ROOT).then().statusCode(200);
        // with or without the trailing slash
        taxii(TestCredentials.reporter()).get("/taxii2/ingest").then().statusCode(200).contentType(TAXII);
        taxii(TestCredentials.reporter()).get("/taxii2").then().statusCode(200).body("default", equalTo(base + ROOT));
    }

    @BrokerFacing
    @Test
    void addedObjectsAreReportedInACompleteStatusAndPublishedWithTheCollectionsTags() throws Exception {
        Envelope envelope = Envelope.fresh();
        Response answer = add(TestCredentials.reporter(), FEED, envelope.body());
        answer.then().statusCode(202).contentType(TAXII);
        JsonPath status = answer.jsonPath();
        assertTrue(status.getString("id").matches(UUID_PATTERN), status.prettify());
        assertEquals("complete", status.getString("status"));
        String received = status.getString("request_timestamp");
        assertTrue(received.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), received);
        assertEquals(3, status.getInt("total_count"));
        assertEquals(2, status.getInt("success_count"));
        assertEquals(List.of(envelope.ipId(), envelope.indicatorId()), status.getList("successes.id"));
        // an SCO has neither modified nor created: its version is when the server received it
        assertEquals(List.of(received, "2024-05-02T11:00:00.000Z"), status.getList("successes.version"));
        assertEquals(1, status.getInt("failure_count"));
        assertEquals(envelope.identityId(), status.getString("failures[0].id"));
        assertEquals("2024-05-01T09:00:00.000Z", status.getString("failures[0].version"));
        assertTrue(status.getString("failures[0].message").startsWith("not mapped"),
                status.getString("failures[0].message"));
        assertEquals(0, status.getInt("pending_count"));
        assertEquals(List.of(), status.getList("pendings"));

        String ipId = entityId("ip", "ip", envelope.ip());
        String domainId = entityId("domain", "domain", envelope.domain());
        for (String id : List.of(ipId, domainId)) {
            List<JsonObject> entities = published(id, Duration.ofSeconds(10));
            assertEquals(1, entities.size(), "published once: " + id);
            List<?> tags = entities.get(0).getJsonArray("tags").getList();
            assertTrue(tags.containsAll(List.of("taxii", "test-feed")), tags.toString());
            assertEquals(List.of("public"), entities.get(0).getJsonArray("visibleBy").getList());
        }
        assertTrue(published(domainId, Duration.ofSeconds(1)).get(0).getInteger("reputation") < 0,
                "an indicator is a bad sign");

        Response again = taxii(TestCredentials.reporter()).get(ROOT + "status/" + status.getString("id") + "/");
        again.then().statusCode(200).contentType(TAXII);
        assertEquals(new JsonObject(answer.asString()), new JsonObject(again.asString()));
        // only its creator reads a status
        assertTaxiiError(taxii(TestCredentials.ADMIN.given()).get(ROOT + "status/" + status.getString("id") + "/"),
                404);
        assertTaxiiError(taxii(TestCredentials.reporter()).get(ROOT + "status/" + UUID.randomUUID() + "/"), 404);
    }

    @Test
    void aCollectionsGroupsDoNotLetACallerEscalate() {
        Envelope envelope = Envelope.fresh();
        JsonPath refused = add(TestCredentials.reporter(), INTEL, envelope.body()).then().statusCode(202).extract()
                .jsonPath();
        assertEquals(0, refused.getInt("success_count"));
        assertEquals(3, refused.getInt("failure_count"));
        assertTrue(refused.getString("failures[0].message").contains("intel"), refused.prettify());
        JsonPath admitted = add(TestCredentials.ADMIN.given(), INTEL, envelope.body()).then().statusCode(202)
                .extract().jsonPath();
        assertEquals(2, admitted.getInt("success_count"));
    }

    @Test
    void basicAuthenticationTakesTheApiKeyPair() {
        Envelope envelope = Envelope.fresh();
        RequestSpecification basic = given().auth().preemptive().basic(TestCredentials.REPORTER.keyId(),
                TestCredentials.REPORTER.secret());
        add(basic, FEED, envelope.body()).then().statusCode(202).body("success_count", equalTo(2));
        String wrong = "not-" + TestCredentials.REPORTER.secret();
        Response refused = taxii(given().auth().preemptive().basic(TestCredentials.REPORTER.keyId(), wrong))
                .get(ROOT + "collections/");
        assertTaxiiError(refused, 401);
        refused.then().header("WWW-Authenticate", containsString("Basic realm=\"threat-ingest\""));
        assertFalse(refused.asString().contains(wrong) || refused.headers().toString().contains(wrong),
                "the secret is never echoed");
        assertTaxiiError(taxii(given().header("Authorization", "Basic !!!")).get(ROOT), 401);
        assertTaxiiError(taxii(given()).get(ROOT), 401).getString("title");
        // a Bearer token works as everywhere
        String token = TestCredentials.rs256(TestCredentials.claims("taxii-bearer", List.of("reporter"),
                List.of("soc")));
        taxii(given().auth().oauth2(token)).get(ROOT + "collections/").then().statusCode(200)
                .body("collections[0].can_write", equalTo(true));
    }

    @Test
    void refusalsAreTaxiiErrorMessages() {
        String envelope = Envelope.fresh().body();
        assertTaxiiError(taxii(TestCredentials.reporter()).contentType(ContentType.JSON).body(envelope).post(OBJECTS),
                415);
        assertTaxiiError(taxii(TestCredentials.reporter()).contentType("application/taxii+json;version=2.0")
                .body(envelope).post(OBJECTS), 415);
        assertTaxiiError(TestCredentials.reporter().config(EXACT_TYPES).accept("application/json").get(ROOT), 406);
        assertTaxiiError(TestCredentials.reporter().config(EXACT_TYPES)
                .accept("application/taxii+json;version=2.0").get(ROOT), 406);
        JsonPath malformed = assertTaxiiError(add(TestCredentials.reporter(), FEED,
                "{\"objects\": [{\"type\": \"ipv4-addr\", \"value\": ]}"), 400);
        assertEquals("/objects/0/value", malformed.getString("details.param"), malformed.prettify());
        assertEquals("/objects/0/value", malformed.getString("error.param"));
        JsonPath notAnArray = assertTaxiiError(add(TestCredentials.reporter(), FEED, "{\"objects\": {}}"), 400);
        assertEquals("/objects", notAnArray.getString("details.param"));
        assertTaxiiError(add(TestCredentials.reporter(), UUID.randomUUID().toString(), envelope), 404);
        assertTaxiiError(add(TestCredentials.TRUSTED.given(), FEED, envelope), 403);
        assertTaxiiError(taxii(TestCredentials.reporter()).get("/taxii2/other/"), 404);
        assertTaxiiError(taxii(TestCredentials.reporter()).get(ROOT + "nothing/here/"), 404);
        for (String read : List.of("objects/", "manifest/", "objects/indicator--" + UUID.randomUUID() + "/",
                "objects/indicator--" + UUID.randomUUID() + "/versions/")) {
            assertTaxiiError(taxii(TestCredentials.reporter()).get(ROOT + "collections/" + FEED + "/" + read), 403);
        }
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void aBodyOverTheLimitIs413(Encoding encoding) throws Exception {
        byte[] body = ("{\"objects\": [\"" + "x".repeat(4 * 1024 * 1024) + "\"]}").getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = new RawHttp("127.0.0.1", RestAssured.port, 30_000)) {
            Answer answer = http.post(OBJECTS, Map.of("api-key", TestCredentials.REPORTER.keyId(), "api-secret",
                    TestCredentials.REPORTER.secret(), "Content-Type", TAXII), body, encoding, false);
            assertEquals(413, answer.status(), answer.text());
            assertEquals(TAXII, answer.header("Content-Type"));
            assertEquals("close", answer.header("Connection"));
            JsonObject error = new JsonObject(answer.text());
            assertEquals("413", error.getString("http_status"));
            assertEquals(answer.header("x-error-id"), error.getString("error_id"));
            assertEquals(answer.header("x-error-id"), error.getJsonObject("error").getString("error_id"));
        }
        // the service goes on answering
        taxii(TestCredentials.reporter()).get(ROOT).then().statusCode(200);
    }

    @BrokerFacing
    @Test
    void anIdempotencyKeyReplaysTheStatusAndPublishesOnce() throws Exception {
        Envelope envelope = Envelope.fresh();
        String key = UUID.randomUUID().toString();
        Response first = add(TestCredentials.reporter().header("Idempotency-Key", key), FEED, envelope.body());
        Response second = add(TestCredentials.reporter().header("Idempotency-Key", key), FEED, envelope.body());
        first.then().statusCode(202);
        second.then().statusCode(202).contentType(TAXII).header("Idempotency-Replayed", "true");
        assertEquals(first.asString(), second.asString());
        String ipId = entityId("ip", "ip", envelope.ip());
        assertEquals(1, published(ipId, Duration.ofSeconds(10)).size());
        Thread.sleep(500);
        assertEquals(1, published(ipId, Duration.ofSeconds(1)).size(), "one set of events for one key");
    }

    @Test
    void taxiiSubmissionsAreCounted() {
        add(TestCredentials.reporter(), FEED, Envelope.fresh().body()).then().statusCode(202);
        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("ingest_submissions_total")
                && line.contains("endpoint=\"taxii\"") && line.contains("outcome=\"accepted\"")),
                "counted under taxii");
    }
}
