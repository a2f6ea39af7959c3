package io.threatingest.screening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.DeliveredEvent;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.FeatureSettingsProfile;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.QueueReader;
import io.threatingest.support.Sha3;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Screening over HTTP, with a directory of lists the test writes itself: every door, every action, the answers,
 * the events, health, metrics, the role that skips screening, and lists changed while the service runs.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(FeatureSettingsProfile.class)
public class ScreeningTest {

    static final Path DIRECTORY = directory();

    static final String ENTITY = "/api/ingest/v1/entity";
    static final String BATCH = "/api/ingest/v1/batch";

    /**
     * The lists of these tests, written afresh into {@link #DIRECTORY}, and the settings that name them: called by
     * the profile of the start these tests run in ({@link FeatureSettingsProfile}), before the service starts.
     */
    public static Map<String, String> listsAndActions() {
        clean();
        write("reported", "hostname", "[\"domain\", \"hostname\", \"url\"]", "reported.example.com");
        write("tagged", "cidr", "[\"ip-src\", \"ip-dst\"]", "203.0.113.0/24", "2001:db8::/32");
        write("dropped", "string", "[\"domain\"]", "dropped.example");
        write("refused", "hostname", "[\"domain\", \"url\", \"email-src\"]", "refused.example");
        return Map.of("ingest.screening.directory", DIRECTORY.toString(),
                "ingest.screening.reload-interval", "300ms",
                "ingest.screening.actions.tagged", "tag",
                "ingest.screening.actions.dropped", "drop",
                "ingest.screening.actions.refused", "refuse");
    }

    @InjectBroker
    BrokerQueues queues;

    static final String TREE = """
            {"type": "domain", "attributes": {"domain": "www.Reported.example.com"},
             "associations": [
               {"type": "ip", "attributes": {"ip": "203.0.113.5"}, "tags": ["seen"]},
               {"type": "domain", "attributes": {"domain": "dropped.example"}},
               {"type": "domain", "attributes": {"domain": "clean.example"}}
             ]}""";

    static final String ROOT = Sha3.id("domain", "www.reported.example.com");
    static final String IP = Sha3.id("ip", "203.0.113.5");
    static final String DROPPED = Sha3.id("domain", "dropped.example");
    static final String CLEAN = Sha3.id("domain", "clean.example");

    @Test
    void dryRunReportsEveryMatchWithItsAction() {
        post(ENTITY + "?dryRun=true", TREE).then().statusCode(200)
                .body("ids", equalTo(List.of(ROOT, IP, CLEAN)))
                .body("screened.size()", equalTo(3))
                .body("screened[0].id", equalTo(ROOT))
                .body("screened[0].list", equalTo("reported"))
                .body("screened[0].name", equalTo("reported list"))
                .body("screened[0].action", equalTo("report"))
                .body("screened[1].id", equalTo(IP))
                .body("screened[1].action", equalTo("tag"))
                .body("screened[2].id", equalTo(DROPPED))
                .body("screened[2].action", equalTo("drop"));
    }

    @BrokerFacing
    @Test
    void publishedEventCarriesMatchesTagsAndLeavesDroppedEntitiesOut() throws Exception {
        JsonPath answer = post(ENTITY, TREE).then().statusCode(202)
                .body("id", equalTo(ROOT))
                .body("ids", equalTo(List.of(ROOT, IP, CLEAN)))
                .body("screened.list", equalTo(List.of("reported", "tagged", "dropped")))
                .extract().jsonPath();
        JsonObject event = queues.entities().await(answer.getString("submissionId"), Duration.ofSeconds(10))
                .body().toJsonObject();
        JsonArray entities = event.getJsonArray("entities");
        assertEquals(3, entities.size());
        JsonObject root = entities.getJsonObject(0);
        assertEquals(ROOT, root.getString("id"));
        assertEquals(new JsonArray().add(new JsonObject().put("list", "reported").put("name", "reported list")
                .put("action", "report")), root.getJsonArray("screened"));
        JsonObject ip = entities.getJsonObject(1);
        assertEquals(List.of("seen", "screened:tagged"), ip.getJsonArray("tags").getList());
        assertEquals("tag", ip.getJsonArray("screened").getJsonObject(0).getString("action"));
        JsonObject clean = entities.getJsonObject(2);
        assertEquals(CLEAN, clean.getString("id"));
        assertFalse(clean.containsKey("screened"), "no screened field without a match");
        for (Object relation : event.getJsonArray("relations")) {
            assertFalse(((JsonObject) relation).encode().contains(DROPPED), "no relation to a dropped entity");
        }
        assertEquals(2, event.getJsonArray("relations").size());
    }

    /** The largest tree the limits allow (10,000 entities), every value on a list: each reported once, in the event. */
    @BrokerFacing
    @Test
    void aTreeOfTenThousandMatchingEntitiesIsReportedWholeInTheAnswerAndTheEvent() throws Exception {
        StringBuilder tree = new StringBuilder("{\"type\": \"domain\", \"attributes\": {\"domain\": "
                + "\"root.reported.example.com\"}, \"associations\": [");
        for (int i = 1; i < 10_000; i++) {
            tree.append(i == 1 ? "" : ",").append("{\"type\": \"domain\", \"attributes\": {\"domain\": \"h")
                    .append(i).append(".reported.example.com\"}}");
        }
        JsonPath answer = post(ENTITY, tree.append("]}").toString()).then().statusCode(202)
                .body("ids.size()", equalTo(10_000))
                .body("screened.size()", equalTo(10_000))
                .extract().jsonPath();
        JsonArray entities = queues.entities().await(answer.getString("submissionId"), Duration.ofSeconds(30))
                .body().toJsonObject().getJsonArray("entities");
        assertEquals(10_000, entities.size());
        for (int i = 0; i < entities.size(); i++) {
            JsonArray screened = entities.getJsonObject(i).getJsonArray("screened");
            assertEquals(1, screened.size(), "entity " + i);
            assertEquals("reported", screened.getJsonObject(0).getString("list"));
        }
    }

    @Test
    void refuseIsA422NamingTheList() {
        post(ENTITY, """
                {"type": "url", "attributes": {"url": "https://login.refused.example/x"}}""").then()
                .statusCode(422)
                .header("x-error", containsString("refused"))
                .header("x-error-id", notNullValue())
                .body("error.message", containsString("on the list refused (refused list)"))
                .body("error.code", notNullValue());
        post(ENTITY + "?dryRun=true", """
                {"type": "email-address", "attributes": {"email-address": "a@mx.refused.example"}}""").then()
                .statusCode(422);
    }

    @Test
    void onlyTheRoleUnscreenedMaySkipScreening() {
        post(ENTITY + "?screen=false", TREE).then().statusCode(403)
                .header("x-error", containsString("unscreened"))
                .body("error.param", equalTo("screen"));
        TestCredentials.ADMIN.given().contentType(ContentType.JSON).body(TREE).post(ENTITY + "?screen=false")
                .then().statusCode(202)
                .body("ids", equalTo(List.of(ROOT, IP, DROPPED, CLEAN)))
                .body("screened", nullValue());
        post(BATCH + "?screen=false", "{\"entities\": [" + TREE + "]}").then().statusCode(403);
        post(ENTITY + "?screen=maybe", TREE).then().statusCode(400);
    }

    @Test
    void batchItemsAreScreenedOneByOne() {
        post(BATCH + "?dryRun=true", """
                {"entities": [
                  {"type": "domain", "attributes": {"domain": "refused.example"}},
                  {"type": "domain", "attributes": {"domain": "a.reported.example.com"}},
                  {"type": "domain", "attributes": {"domain": "dropped.example"}}
                ]}""").then().statusCode(200)
                .body("items[0].status", equalTo("rejected"))
                .body("items[0].error.param", equalTo("/entities/0"))
                .body("items[0].error.message", containsString("refused"))
                .body("items[1].status", equalTo("accepted"))
                .body("items[1].screened[0].list", equalTo("reported"))
                .body("items[2].status", equalTo("accepted"))
                .body("items[2].ids", equalTo(List.of()))
                .body("items[2].screened[0].action", equalTo("drop"));
        // published: the dropped-only item is accepted without an event
        post(BATCH, """
                {"entities": [
                  {"type": "domain", "attributes": {"domain": "dropped.example"}},
                  {"type": "domain", "attributes": {"domain": "b.reported.example.com"}}
                ]}""").then().statusCode(202)
                .body("accepted", equalTo(2))
                .body("items[0].submissionId", nullValue())
                .body("items[1].submissionId", notNullValue());
    }

    @Test
    void documentsReportMatchesPerObject() {
        String bundle = """
                {"type": "bundle", "id": "bundle--0b7c0f58-3c3e-4c5f-9d7b-5f0e8b8f3a11", "objects": [
                  {"type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "value": "203.0.113.9"},
                  {"type": "domain-name", "spec_version": "2.1", "id": "domain-name--3c10e5a6-7f5e-5c1a-8f0b-1a2b3c4d5e6f", "value": "refused.example"}
                ]}""";
        TestCredentials.reporter().contentType("application/stix+json").body(bundle).post("/api/ingest/v1/stix")
                .then().statusCode(202)
                .body("objects[0].status", equalTo("accepted"))
                .body("objects[0].screened[0].list", equalTo("tagged"))
                .body("objects[1].status", equalTo("rejected"))
                .body("objects[1].error.message", containsString("refused"));
        TestCredentials.reporter().contentType("text/plain").body("seen at 203.0.113.77 and www.reported.example.com")
                .post("/api/ingest/v1/extract").then().statusCode(200)
                .body("indicators.find { it.value == '203.0.113.77' }.screened[0].action", equalTo("tag"))
                .body("indicators.find { it.value == 'www.reported.example.com' }.screened[0].list",
                        equalTo("reported"));
        String envelope = "{\"objects\": [{\"type\": \"ipv4-addr\", \"spec_version\": \"2.1\", \"id\": "
                + "\"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd\", \"value\": \"203.0.113.9\"}]}";
        TestCredentials.reporter().contentType("application/taxii+json;version=2.1")
                .accept("application/taxii+json;version=2.1").body(envelope)
                .post("/taxii2/ingest/collections/b6f4c3e2-1a0d-4c5b-8e7f-9a8b7c6d5e4f/objects/").then()
                .statusCode(202)
                .body("successes[0].message", containsString("on tagged (tag)"));
    }

    @Test
    void referencesOnAssociationsAndCommentsAreScreened() {
        post("/api/ingest/v1/association?dryRun=true", """
                {"entity": {"type": "domain", "value": "x.reported.example.com"},
                 "relatedEntity": {"type": "ip", "value": "198.51.100.1"}}""").then().statusCode(200)
                .body("screened[0].list", equalTo("reported"));
        post("/api/ingest/v1/association", """
                {"entity": {"type": "domain", "value": "refused.example"},
                 "relatedEntity": {"type": "ip", "value": "198.51.100.1"}}""").then().statusCode(422)
                .header("x-error", containsString("refused"));
        post("/api/ingest/v1/comment?dryRun=true", """
                {"entity": {"type": "domain", "value": "refused.example"}, "comment": "hi"}""").then()
                .statusCode(422);
        post("/api/ingest/v1/comment?dryRun=true", """
                {"entity": {"type": "ip", "value": "203.0.113.1"}, "comment": "hi"}""").then()
                .statusCode(200).body("screened[0].list", equalTo("tagged"));
    }

    /**
     * Associations and comments publish no entity: a reference that a list drops leaves them unpublished (202, no
     * submission id or comment id), and their events carry what {@code report} and {@code tag} lists matched.
     */
    @BrokerFacing
    @Test
    void referencesThatAListDropsLeaveAssociationsAndCommentsUnpublishedAndEventsCarryTheOtherMatches()
            throws Exception {
        QueueReader associations = queues.reader("ingest.associations");
        QueueReader comments = queues.reader("ingest.comments");
        post("/api/ingest/v1/association", """
                {"entity": {"type": "domain", "value": "dropped.example"},
                 "relatedEntity": {"type": "ip", "value": "198.51.100.1"}}""").then().statusCode(202)
                .body("submissionId", nullValue())
                .body("entityID", equalTo(DROPPED))
                .body("screened[0].action", equalTo("drop"));
        post("/api/ingest/v1/comment", """
                {"entity": {"type": "domain", "value": "dropped.example"}, "comment": "dropped"}""").then()
                .statusCode(202)
                .body("id", nullValue())
                .body("screened[0].list", equalTo("dropped"));

        String tagged = Sha3.id("ip", "203.0.113.1");
        String link = post("/api/ingest/v1/association", """
                {"entity": {"type": "domain", "value": "clean.example"},
                 "relatedEntity": {"type": "ip", "value": "203.0.113.1"}}""").then().statusCode(202)
                .extract().path("submissionId");
        JsonObject linked = associations.await(link, Duration.ofSeconds(10)).body().toJsonObject();
        assertEquals(new JsonArray().add(new JsonObject().put("id", tagged).put("list", "tagged")
                .put("name", "tagged list").put("action", "tag")), linked.getJsonArray("screened"));
        String comment = post("/api/ingest/v1/comment", """
                {"entity": {"type": "domain", "value": "x.reported.example.com"}, "comment": "seen"}""").then()
                .statusCode(202).extract().path("id");
        JsonObject commented = comments.await(comment, Duration.ofSeconds(10)).body().toJsonObject();
        assertEquals("report", commented.getJsonArray("screened").getJsonObject(0).getString("action"));
        String plain = post("/api/ingest/v1/comment", """
                {"entity": {"type": "domain", "value": "clean.example"}, "comment": "nothing to see"}""").then()
                .statusCode(202).extract().path("id");
        assertFalse(comments.await(plain, Duration.ofSeconds(10)).body().toJsonObject().containsKey("screened"),
                "no screened field without a match");

        for (DeliveredEvent event : associations.received()) {
            assertFalse(event.body().toString().contains(DROPPED), "an association with a dropped entity");
        }
        for (DeliveredEvent event : comments.received()) {
            assertFalse(event.body().toString().contains(DROPPED), "a comment on a dropped entity");
        }
    }

    @Test
    void wellKnownIsNotScreened() {
        TestCredentials.TRUSTED.given().contentType(ContentType.JSON)
                .body("{\"type\": \"domain\", \"attributes\": {\"domain\": \"refused.example\"}}")
                .post("/api/ingest/v1/well-known?dryRun=true").then().statusCode(200)
                .body("screened", nullValue());
    }

    @Test
    void healthListsEveryListAndMetricsCountMatches() {
        post(ENTITY + "?dryRun=true", TREE).then().statusCode(200);
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'screening' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'screening' }.data.'list:tagged'",
                        equalTo("version 1, 2 entries, tag"))
                .body("checks.find { it.name == 'screening' }.data.'list:refused'",
                        equalTo("version 1, 1 entries, refuse"));
        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.contains("ingest_screening_matches_total{action=\"tag\",list=\"tagged\"}"), metrics);
        assertTrue(metrics.contains("ingest_screening_matches_total{action=\"report\",list=\"reported\"}"));
    }

    @Test
    void listsChangeWithoutARestartAndABrokenFileKeepsThePreviousVersion() throws Exception {
        String value = "{\"type\": \"domain\", \"attributes\": {\"domain\": \"www.later.example\"}}";
        await(() -> screened(value) == null);
        write("later", "hostname", "[\"domain\"]", "later.example");
        await(() -> "later".equals(screened(value)));
        Files.writeString(DIRECTORY.resolve("later.json"), "{\"name\": \"later\", \"list\": [");
        Thread.sleep(1500);
        assertEquals("later", screened(value), "the previous version stays in force");
        given().get("/q/health/well").then()
                .body("checks.find { it.name == 'screening' }.data.'list:later'",
                        equalTo("version 1, 1 entries, report"));
        write("later", "hostname", "[\"domain\"]", "other.example");
        await(() -> screened(value) == null);
        Files.delete(DIRECTORY.resolve("later.json"));
        await(() -> given().get("/q/health/well").asString().contains("list:later") == false);
        assertNull(screened(value));
    }

    private static String screened(String entity) {
        JsonPath answer = post(ENTITY + "?dryRun=true", entity).then().statusCode(200).extract().jsonPath();
        return answer.getString("screened[0].list");
    }

    private static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(100);
        }
    }

    private static io.restassured.response.Response post(String path, String body) {
        return TestCredentials.reporter().contentType(ContentType.JSON).body(body).post(path);
    }

    static void write(String key, String type, String matching, String... entries) {
        StringBuilder list = new StringBuilder();
        for (String entry : entries) {
            list.append(list.isEmpty() ? "" : ", ").append('"').append(entry).append('"');
        }
        try {
            Path temporary = Files.createTempFile(DIRECTORY, key, ".tmp");
            Files.writeString(temporary, "{\"name\": \"" + key + " list\", \"version\": 1, \"description\": \"test\", "
                    + "\"type\": \"" + type + "\", \"matching_attributes\": " + matching + ", \"list\": [" + list
                    + "]}");
            Files.move(temporary, DIRECTORY.resolve(key + ".json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One path whichever class loader asks (the profile and the test may be loaded apart). */
    private static Path directory() {
        return Path.of("target", "screening-test-lists").toAbsolutePath();
    }

    static void clean() {
        try {
            Files.createDirectories(DIRECTORY);
            try (var files = Files.list(DIRECTORY)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
