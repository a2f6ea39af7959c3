package io.threatingest.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

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
import io.threatingest.support.DeliveredEvent;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.Sha3;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonObject;

/** POST /well-known, /association and /comment: answers, and the events on their addresses. */
@BrokerFacing
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class OtherEndpointsTest {

    static final String BASE = "/api/ingest/v1";
    static final String IP_8888 = "ip-ba7fa36bff8d58ee45b973615e83d9aaeb921f1cc477d9c156e8a9cae8cca16e";

    @InjectBroker
    BrokerQueues queues;

    private static Response post(RequestSpecification as, String path, String body) {
        return as.contentType(ContentType.JSON).body(body).post(BASE + path);
    }

    @Test
    void wellKnownExampleIsAcknowledgedAndMarked() throws Exception {
        JsonPath answer = post(TestCredentials.TRUSTED.given(), "/well-known", EntityResource.WELL_KNOWN_EXAMPLE)
                .then().statusCode(202)
                .body("message", equalTo("acknowledged"))
                .body("id", equalTo(Sha3.id("domain", "example.com")))
                .extract().jsonPath();
        DeliveredEvent message = queues.entities().await(answer.getString("submissionId"), Duration.ofSeconds(10));
        assertEquals("io.threatingest.entity.submitted", message.type());
        JsonObject event = message.body().toJsonObject();
        assertEquals(true, event.getBoolean("wellKnown"));
        assertEquals(true, event.getJsonArray("entities").getJsonObject(0).getBoolean("wellKnown"));
        assertEquals("example registrar, inc.",
                event.getJsonArray("entities").getJsonObject(0).getJsonObject("attributes")
                        .getString("whois-registrar"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"domain\",\"attributes\":{\"domain\":\"example.com\"},\"reputation\":-1} | /reputation",
            "{\"type\":\"domain\",\"attributes\":{\"domain\":\"example.com\"},\"associations\":[{\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.8.8\"}}]} | /associations",
            "{\"type\":\"domain\",\"attributes\":{\"domain\":\"example.com\"},\"correlate\":[\"domain\"]} | /correlate",
            "{\"type\":\"domain\",\"attributes\":{\"domain\":\"localhost\"}} | /attributes/domain" })
    void wellKnownRefusesWhatItCannotMean(String body, String param) {
        Response response = post(TestCredentials.TRUSTED.given(), "/well-known", body);
        EntityIngestTest.assertErrorHeaders(response, 400);
        response.then().body("error.param", equalTo(param));
    }

    @Test
    void associationExampleGivesBothIdsAndItsEvent() throws Exception {
        JsonPath answer = post(TestCredentials.reporter(), "/association", AssociationResource.EXAMPLE)
                .then().statusCode(202)
                .body("message", equalTo("acknowledged"))
                .body("entityID", equalTo(IP_8888))
                .body("relatedEntityID", equalTo(Sha3.id("domain", "dns.google")))
                .extract().jsonPath();
        DeliveredEvent message = queues.reader("ingest.associations")
                .await(answer.getString("submissionId"), Duration.ofSeconds(10));
        assertEquals("io.threatingest.association.submitted", message.type());
        assertEquals(IP_8888, message.attribute("subject"));
        JsonObject event = message.body().toJsonObject();
        assertEquals(IP_8888, event.getString("entityID"));
        assertEquals(Sha3.id("domain", "dns.google"), event.getString("relatedEntityID"));
        assertEquals("association", event.getString("mode"));
        assertEquals(TestCredentials.REPORTER.userId(), event.getString("userId"));
    }

    @Test
    void typeAndValueReferencesGiveTheSameIdsAsIds() {
        String byValue = "{\"entity\":{\"type\":\"ip\",\"value\":\"::ffff:8.8.8.8\"},"
                + "\"relatedEntity\":{\"type\":\"asn\",\"value\":15169},\"mode\":\"aggregation\"}";
        post(TestCredentials.reporter(), "/association", byValue).then().statusCode(202)
                .body("entityID", equalTo(IP_8888))
                .body("relatedEntityID", equalTo(Sha3.id("asn", "15169")));
        post(TestCredentials.reporter(), "/comment", "{\"entity\":{\"type\":\"ip\",\"value\":\"8.8.8.8\"},"
                + "\"comment\":\"x\"}").then().statusCode(202).body("entityID", equalTo(IP_8888));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"entityID\":\"ip-ABC\",\"relatedEntityID\":\"" + IP_8888 + "\"} | /entityID",
            "{\"entityID\":\"ipv4-" + "a" + "\",\"relatedEntityID\":\"" + IP_8888 + "\"} | /entityID",
            "{\"entityID\":\"nosuchtype-ba7fa36bff8d58ee45b973615e83d9aaeb921f1cc477d9c156e8a9cae8cca16e\",\"relatedEntityID\":\""
                    + IP_8888 + "\"} | /entityID",
            "{\"entityID\":\"IP-ba7fa36bff8d58ee45b973615e83d9aaeb921f1cc477d9c156e8a9cae8cca16e\",\"relatedEntityID\":\""
                    + IP_8888 + "\"} | /entityID",
            "{\"entityID\":\"ip-BA7FA36BFF8D58EE45B973615E83D9AAEB921F1CC477D9C156E8A9CAE8CCA16E\",\"relatedEntityID\":\""
                    + IP_8888 + "\"} | /entityID",
            "{\"relatedEntityID\":\"" + IP_8888 + "\"} | /entityID",
            "{\"entityID\":\"" + IP_8888
                    + "\",\"entity\":{\"type\":\"ip\",\"value\":\"8.8.8.8\"},\"relatedEntityID\":\"" + IP_8888
                    + "\"} | /entity",
            "{\"entityID\":\"" + IP_8888
                    + "\",\"relatedEntity\":{\"type\":\"ip\",\"value\":\"10.0.0.1\"}} | /relatedEntity/value",
            "{\"entityID\":\"" + IP_8888
                    + "\",\"relatedEntity\":{\"type\":\"nope\",\"value\":\"x\"}} | /relatedEntity/type",
            "{\"entityID\":\"" + IP_8888 + "\",\"relatedEntityID\":\"" + IP_8888
                    + "\",\"mode\":\"contains\"} | /mode" })
    void associationRefusesBadReferences(String body, String param) {
        Response response = post(TestCredentials.reporter(), "/association", body);
        EntityIngestTest.assertErrorHeaders(response, 400);
        response.then().body("error.param", equalTo(param));
    }

    @Test
    void commentExampleGetsAUuid7AndItsEvent() throws Exception {
        JsonPath answer = post(TestCredentials.reporter(), "/comment", CommentResource.EXAMPLE)
                .then().statusCode(202)
                .body("message", equalTo("acknowledged"))
                .body("entityID", equalTo(IP_8888))
                .body("id", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"))
                .extract().jsonPath();
        DeliveredEvent message = queues.reader("ingest.comments").await(answer.getString("id"), Duration.ofSeconds(10));
        assertEquals("io.threatingest.comment.submitted", message.type());
        JsonObject event = message.body().toJsonObject();
        assertEquals("Seen in the March phishing wave; sinkholed since.", event.getString("comment"));
        assertEquals("00000000-0000-0000-0000-000000000000", event.getString("parentID"));
        assertEquals(List.of("public"), event.getJsonArray("visibleBy").getList());
    }

    @Test
    void commentThreadsKeepCaseMapControlsAndDefaultVisibility() throws Exception {
        String parent = post(TestCredentials.reporter(), "/comment", CommentResource.EXAMPLE)
                .then().statusCode(202).extract().path("id");
        String id = post(TestCredentials.reporter(), "/comment", "{\"entityID\":\"" + IP_8888
                + "\",\"comment\":\"Reply\\u0000With CASE\",\"parentID\":\"" + parent.toUpperCase() + "\"}")
                .then().statusCode(202).extract().path("id");
        JsonObject event = queues.reader("ingest.comments").await(id, Duration.ofSeconds(10))
                .body().toJsonObject();
        assertEquals("Reply With CASE", event.getString("comment"));
        assertEquals(parent, event.getString("parentID"));
        assertEquals(TestCredentials.REPORTER.groups(), event.getJsonArray("visibleBy").getList());
        assertTrue(id.compareTo(parent) > 0, "UUIDv7 ids sort by time");
    }

    /** The spelling of the reference's 2026 client library: entityId, content, parentId. */
    @Test
    void commentsInTheReferenceClientsSpellingAreTakenAlike() throws Exception {
        String parent = post(TestCredentials.reporter(), "/comment", CommentResource.EXAMPLE)
                .then().statusCode(202).extract().path("id");
        String id = post(TestCredentials.reporter(), "/comment", "{\"entityId\":\"" + IP_8888
                + "\",\"content\":\"Client spelling\",\"parentId\":\"" + parent + "\"}")
                .then().statusCode(202).body("entityID", equalTo(IP_8888)).extract().path("id");
        JsonObject event = queues.reader("ingest.comments").await(id, Duration.ofSeconds(10))
                .body().toJsonObject();
        assertEquals("Client spelling", event.getString("comment"));
        assertEquals(parent, event.getString("parentID"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"entityID\":\"" + IP_8888 + "\",\"entityId\":\"" + IP_8888 + "\",\"comment\":\"x\"} | 400 | /entityId",
            "{\"entityID\":\"" + IP_8888 + "\",\"comment\":\"x\",\"content\":\"y\"} | 400 | /content",
            "{\"entityID\":\"" + IP_8888 + "\",\"comment\":\"x\",\"parentID\":\""
                    + "0191d3a0-5f7e-7c3b-9a1e-0b1c2d3e4f50"
                    + "\",\"parentId\":\"0191d3a0-5f7e-7c3b-9a1e-0b1c2d3e4f50\"} | 400 | /parentId",
            "{\"entityID\":\"" + IP_8888 + "\"} | 400 | /comment",
            "{\"entityID\":\"" + IP_8888 + "\",\"comment\":\"   \"} | 400 | /comment",
            "{\"entityID\":\"" + IP_8888 + "\",\"comment\":\"x\",\"parentID\":\"not-a-uuid\"} | 400 | /parentID",
            "{\"comment\":\"x\"} | 400 | /entityID",
            "{\"entityID\":\"" + IP_8888 + "\",\"comment\":\"x\",\"visibleBy\":[\"red-team\"]} | 403 | /visibleBy/0" })
    void commentRefusals(String body, int status, String param) {
        Response response = post(TestCredentials.reporter(), "/comment", body);
        EntityIngestTest.assertErrorHeaders(response, status);
        response.then().body("error.param", equalTo(param));
    }

    @Test
    void definitionsListTheCatalogueNestedWithAnETag() {
        Response response = TestCredentials.TRUSTED.given().get(BASE + "/definitions");
        response.then().statusCode(200)
                .body("size()", equalTo(129))
                .body("[0].type", equalTo("command"))
                .body("[0].attributes[0].type", equalTo("os"))
                .body("[128].type", equalTo("payload"))
                .body("find { it.type == 'ip' }.dataType", equalTo("IP"))
                .body("find { it.type == 'ip' }.attributes[0].type", equalTo("cidr"))
                .body("find { it.type == 'ip' }.attributes[0].attributes.type",
                        equalTo(List.of("country", "city", "latitude", "longitude", "accuracy-radius", "asn", "aso",
                                "link")))
                .body("find { it.type == 'file' }.correlate",
                        equalTo(List.of("md5", "sha1", "sha256", "sha3-256", "file-data")))
                .body("find { it.type == 'file' }.example.type", equalTo("file"))
                .body("find { it.type == 'os' }.containsKey('attributes')", equalTo(false))
                .body("find { it.type == 'text' }.label", equalTo("Text"))
                .body("find { it.type == 'text' }.description", containsString("case"));
        String etag = response.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), "strong ETag");
        TestCredentials.TRUSTED.given().header("If-None-Match", etag).get(BASE + "/definitions")
                .then().statusCode(304).header("ETag", etag);
        TestCredentials.TRUSTED.given().header("If-None-Match", "W/" + etag + ", \"other\"").get(BASE + "/definitions")
                .then().statusCode(304);
        TestCredentials.TRUSTED.given().header("If-None-Match", "\"stale\"").get(BASE + "/definitions")
                .then().statusCode(200).header("ETag", etag);
    }

    @Test
    void catalogueExamplesAreValidEntities() {
        List<java.util.Map<String, Object>> examples = TestCredentials.TRUSTED.given().get(BASE + "/definitions")
                .then().extract().jsonPath().getList("findAll { it.example != null }.example");
        assertEquals(2, examples.size());
        for (var example : examples) {
            TestCredentials.reporter().contentType(ContentType.JSON).queryParam("dryRun", "true").body(example)
                    .post(EntityIngestTest.ENTITY).then().statusCode(200);
        }
    }
}
