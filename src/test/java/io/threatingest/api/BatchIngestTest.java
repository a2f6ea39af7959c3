package io.threatingest.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
import io.threatingest.support.Sha3;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * POST /batch with the default packing: an outcome per item with pointers from the batch document's root, the
 * same items as JSON and as NDJSON (Content-Length and chunked), atomic and dry runs, a 10,000-line NDJSON body,
 * the item limit, and what the events carry ({@code roots}, {@code items}).
 */
@BrokerFacing
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class BatchIngestTest {

    static final String BATCH = "/api/ingest/v1/batch";

    @InjectBroker
    BrokerQueues queues;

    /** Items: valid, bad value, wrong JSON type, not an object, a repeat of item 0, a bad nested value. */
    static List<String> mixedItems(String unique) {
        return List.of(
                "{\"type\":\"domain\",\"attributes\":{\"domain\":\"" + unique + ".example.com\"}}",
                "{\"type\":\"ip\",\"attributes\":{\"ip\":\"999.1.1.1\"}}",
                "{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.0.2.1\"},\"reputation\":\"bad\"}",
                "5",
                "{\"type\":\"domain\",\"attributes\":{\"domain\":\"" + unique + ".example.com\"},\"tags\":[\"again\"]}",
                "{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.0.2.2\"},\"associations\":[{\"mode\":\"association\","
                        + "\"type\":\"domain\",\"attributes\":{\"domain\":\"-bad-.example.com\"}}]}",
                "{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.0.2.3\"},\"associations\":[{\"mode\":\"association\","
                        + "\"type\":\"domain\",\"attributes\":{\"domain\":\"Sub." + unique + ".EXAMPLE.com\"}}]}");
    }

    static String document(List<String> items) {
        return "{\"entities\":[" + String.join(",", items) + "]}";
    }

    static Response postJson(String body, Map<String, String> query) {
        return postJson(TestCredentials.reporter(), body, query);
    }

    static Response postJson(RequestSpecification as, String body, Map<String, String> query) {
        return as.contentType(ContentType.JSON).queryParams(query).body(body).post(BATCH);
    }

    /** The outcome every door must give for {@link #mixedItems}. */
    private static void assertMixedOutcomes(JsonPath answer, String unique) {
        assertEquals(3, answer.getInt("accepted"));
        assertEquals(4, answer.getInt("rejected"));
        assertEquals(0, answer.getInt("unavailable"));
        List<String> statuses = answer.getList("items.status");
        assertEquals(List.of("accepted", "rejected", "rejected", "rejected", "accepted", "rejected", "accepted"),
                statuses);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), answer.getList("items.index"));
        String domainId = Sha3.id("domain", unique + ".example.com");
        assertEquals(domainId, answer.getString("items[0].id"));
        assertEquals("/entities/1/attributes/ip", answer.getString("items[1].error.param"));
        assertEquals("/entities/2/reputation", answer.getString("items[2].error.param"));
        assertEquals("/entities/3", answer.getString("items[3].error.param"));
        assertEquals(0, answer.getInt("items[4].duplicateOf"));
        assertEquals(domainId, answer.getString("items[4].id"));
        assertEquals("/entities/5/associations/0/attributes/domain", answer.getString("items[5].error.param"));
        assertEquals(List.of(Sha3.id("ip", "192.0.2.3"), Sha3.id("domain", "sub." + unique + ".example.com")),
                answer.getList("items[6].ids"));
        for (int i : new int[]{ 1, 2, 3, 5 }) {
            assertTrue(answer.getString("items[" + i + "].error.message").contains("/entities/" + i),
                    answer.getString("items[" + i + "].error.message"));
            assertTrue(answer.getString("items[" + i + "].error.code").matches("[0-9a-f]{32}"));
            assertNull(answer.get("items[" + i + "].submissionId"));
        }
    }

    @Test
    void mixedBatchReportsEveryItemAndPublishesTheValidOnesInOneEvent() throws Exception {
        String unique = "b" + UUID.randomUUID().toString().substring(0, 8);
        String before = MetricsTest.scrape();
        JsonPath answer = postJson(document(mixedItems(unique)), Map.of()).then().statusCode(202)
                .extract().jsonPath();
        assertMixedOutcomes(answer, unique);
        String after = MetricsTest.scrape();
        for (String[] counted : new String[][]{ { "accepted", "3" }, { "rejected", "4" } }) {
            String series = "ingest_batch_items_total{status=\"" + counted[0] + "\"";
            assertEquals(Double.parseDouble(counted[1]),
                    MetricsTest.total(after, series) - MetricsTest.total(before, series), counted[0]);
        }
        String submissionId = answer.getString("items[0].submissionId");
        for (int i : new int[]{ 4, 6 }) {
            assertEquals(submissionId, answer.getString("items[" + i + "].submissionId"), "packed in one event");
        }
        DeliveredEvent message = queues.entities().await(submissionId, Duration.ofSeconds(10));
        JsonObject event = message.body().toJsonObject();
        String domainId = Sha3.id("domain", unique + ".example.com");
        assertEquals(List.of(domainId, domainId, Sha3.id("ip", "192.0.2.3")), event.getJsonArray("roots").getList());
        assertEquals(List.of(0, 4, 6), event.getJsonArray("items").getList());
        assertEquals(domainId, event.getString("rootId"));
        assertEquals(domainId, message.attribute("subject"));
        List<String> ids = new ArrayList<>();
        event.getJsonArray("entities").forEach(e -> ids.add(((JsonObject) e).getString("id")));
        assertEquals(List.of(domainId, domainId, Sha3.id("ip", "192.0.2.3"),
                Sha3.id("domain", "sub." + unique + ".example.com")), ids);
        JsonArray relations = event.getJsonArray("relations");
        assertEquals(1, relations.size());
        assertEquals("reporter-user", event.getString("userId"));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void ndjsonGivesTheSameOutcomes(Encoding encoding) throws Exception {
        String unique = "n" + UUID.randomUUID().toString().substring(0, 8);
        // blank lines and CRLF line ends are allowed; the last line needs no end
        String body = String.join("\r\n", mixedItems(unique)).replace("\r\n5\r\n", "\r\n\r\n5\n  \n");
        try (RawHttp http = new RawHttp("127.0.0.1", RestAssured.port, 30_000)) {
            Answer answer = http.post(BATCH, ndjsonHeaders(), body.getBytes(StandardCharsets.UTF_8), encoding, false);
            assertEquals(202, answer.status(), answer.text());
            assertMixedOutcomes(new JsonPath(answer.text()), unique);
        }
    }

    static Map<String, String> ndjsonHeaders() {
        return Map.of("Content-Type", "application/x-ndjson", "api-key", TestCredentials.REPORTER.keyId(),
                "api-secret", TestCredentials.REPORTER.secret());
    }

    @Test
    void everyItemInvalidIs400WithTheErrorAndTheItems() {
        Response response = postJson(document(List.of("{\"type\":\"nope\",\"attributes\":{}}", "[]")), Map.of());
        EntityIngestTest.assertErrorHeaders(response, 400);
        response.then().body("error.param", equalTo("/entities/0/type"))
                .body("accepted", equalTo(0)).body("rejected", equalTo(2))
                .body("items[1].error.param", equalTo("/entities/1"));
    }

    @Test
    void atomicBatchWithAnInvalidItemPublishesNothing() throws Exception {
        String unique = "a" + UUID.randomUUID().toString().substring(0, 8);
        Response response = postJson(document(mixedItems(unique)), Map.of("atomic", "true"));
        EntityIngestTest.assertErrorHeaders(response, 400);
        JsonPath answer = response.jsonPath();
        assertEquals(0, answer.getInt("accepted"));
        assertEquals(7, answer.getInt("rejected"));
        assertEquals("/entities/1/attributes/ip", answer.getString("error.param"));
        assertTrue(answer.getString("items[0].error.message").contains("atomic"));
        assertMarkerOnly(unique);
    }

    @Test
    void atomicValidBatchIsOneEvent() throws Exception {
        String unique = "v" + UUID.randomUUID().toString().substring(0, 8);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            items.add("{\"type\":\"domain\",\"attributes\":{\"domain\":\"d" + i + "." + unique + ".example.com\"}}");
        }
        JsonPath answer = postJson(document(items), Map.of("atomic", "true")).then().statusCode(202).extract()
                .jsonPath();
        assertEquals(150, answer.getInt("accepted"));
        Set<String> events = new HashSet<>(answer.getList("items.submissionId"));
        assertEquals(1, events.size(), "one event although trees-per-event is 100");
        JsonObject event = queues.entities().await(events.iterator().next(), Duration.ofSeconds(10)).body()
                .toJsonObject();
        assertEquals(150, event.getJsonArray("roots").size());
    }

    @Test
    void dryRunValidatesEveryItemAndPublishesNothing() throws Exception {
        String unique = "d" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath answer = postJson(document(mixedItems(unique)), Map.of("dryRun", "true")).then().statusCode(200)
                .extract().jsonPath();
        assertMixedOutcomes(answer, unique);
        assertNull(answer.get("items[0].submissionId"));
        assertMarkerOnly(unique);
    }

    /** Publishes a marker batch and, once its event arrived, finds no event naming {@code unique}. */
    private void assertMarkerOnly(String unique) throws Exception {
        String marker = postJson(document(List.of("{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.0.2.99\"}}")),
                Map.of()).then().statusCode(202).extract().jsonPath().getString("items[0].submissionId");
        queues.entities().await(marker, Duration.ofSeconds(10));
        assertFalse(queues.entities().received().stream()
                .anyMatch(m -> m.body().toString().contains(unique)), "nothing of " + unique + " published");
    }

    @Test
    void tenThousandNdjsonLinesStreamedArePublishedInPacksOfOneHundred() throws Exception {
        String unique = "t" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder body = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String domain = "h" + i + "." + unique + ".example.com";
            body.append("{\"type\":\"domain\",\"attributes\":{\"domain\":\"").append(domain).append("\"}}\n");
            expected.add(Sha3.id("domain", domain));
        }
        try (RawHttp http = new RawHttp("127.0.0.1", RestAssured.port, 60_000)) {
            Answer answer = http.post(BATCH, ndjsonHeaders(), body.toString().getBytes(StandardCharsets.UTF_8),
                    Encoding.CHUNKED, false);
            assertEquals(202, answer.status());
            JsonPath result = new JsonPath(answer.text());
            assertEquals(10_000, result.getInt("accepted"));
            assertEquals(expected, result.getList("items.id"));
            Set<String> events = new LinkedHashSet<>(result.getList("items.submissionId"));
            assertEquals(100, events.size());
            List<String> published = new ArrayList<>();
            for (String id : events) {
                JsonObject event = queues.entities().await(id, Duration.ofSeconds(30)).body().toJsonObject();
                published.addAll(event.getJsonArray("roots").getList());
            }
            assertEquals(expected, published, "every tree published once, in order");
        }
    }

    @Test
    void moreItemsThanTheLimitAreRefusedAsAWhole() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i <= 10_000; i++) {
            body.append("{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.0.2.1\"}}\n");
        }
        Response ndjson = TestCredentials.reporter().contentType("application/x-ndjson")
                .body(body.toString().getBytes(StandardCharsets.UTF_8))
                .post(BATCH);
        EntityIngestTest.assertErrorHeaders(ndjson, 400);
        ndjson.then().body("error.param", equalTo("/entities/10000"));
        String json = "{\"entities\":[" + body.toString().strip().replace("\n", ",") + "]}";
        Response document = postJson(json, Map.of());
        EntityIngestTest.assertErrorHeaders(document, 400);
        document.then().body("error.param", equalTo("/entities/10000"));
    }

    /** A line nested beyond the JSON limit refuses that line alone; in a JSON document, the whole batch. */
    @Test
    void anItemNestedTooDeeplyIsRefused() {
        String deep = "{\"type\":\"ip\",\"attributes\":" + "{\"x\":".repeat(60) + "1" + "}".repeat(60) + "}";
        String valid = "{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.0.2.41\"}}";
        JsonPath ndjson = TestCredentials.reporter().contentType("application/x-ndjson").queryParam("dryRun", "true")
                .body((valid + "\n" + deep + "\n").getBytes(StandardCharsets.UTF_8)).post(BATCH).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("accepted", "rejected"), ndjson.getList("items.status"));
        assertEquals("/entities/1", ndjson.getString("items[1].error.param"));
        assertTrue(ndjson.getString("items[1].error.message").startsWith("exceeds a JSON limit"));
        Response document = postJson(document(List.of(valid, deep)), Map.of("dryRun", "true"));
        EntityIngestTest.assertErrorHeaders(document, 400);
    }

    @Test
    void aBatchThatIsNotOneIsRefused() {
        for (String[] bad : new String[][]{ { "{}", "/entities" }, { "{\"entities\":[]}", "/entities" },
                { "{\"entities\":{}}", "/entities" }, { "{\"items\":[]}", "/items" }, { "[]", "" } }) {
            Response response = postJson(bad[0], Map.of());
            EntityIngestTest.assertErrorHeaders(response, 400);
            response.then().body("error.param", equalTo(bad[1]));
        }
        Response malformed = postJson("{\"entities\":[{\"type\":", Map.of());
        EntityIngestTest.assertErrorHeaders(malformed, 400);
        Response empty = TestCredentials.reporter().contentType("application/x-ndjson")
                .body("\n\n".getBytes(StandardCharsets.UTF_8)).post(BATCH);
        EntityIngestTest.assertErrorHeaders(empty, 400);
        Response badFlag = postJson(document(mixedItems("x")), Map.of("atomic", "maybe"));
        EntityIngestTest.assertErrorHeaders(badFlag, 400);
        badFlag.then().body("error.param", equalTo("atomic"));
    }

    @Test
    void refangRestoresDefangedItemsAndReportsEachChangeFromTheBatchRoot() {
        String unique = "f" + UUID.randomUUID().toString().substring(0, 8);
        List<String> items = List.of("{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.0.2.40\"}}",
                "{\"type\":\"domain\",\"attributes\":{\"domain\":\"" + unique + "[.]example[.]com\"},"
                        + "\"associations\":[{\"mode\":\"association\",\"type\":\"url\",\"attributes\":{\"url\":"
                        + "\"hxxp://" + unique + "[.]example[.]com/x\"}}]}");
        JsonPath answer = postJson(document(items), Map.of("refang", "true", "dryRun", "true")).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(), answer.getList("items[0].refanged"));
        assertEquals(Sha3.id("domain", unique + ".example.com"), answer.getString("items[1].id"));
        assertEquals(List.of("/entities/1/attributes/domain", "/entities/1/associations/0/attributes/url"),
                answer.getList("items[1].refanged.param"));
        assertEquals("hxxp://" + unique + "[.]example[.]com/x", answer.getString("items[1].refanged[1].from"));
        JsonPath without = postJson(document(items), Map.of("dryRun", "true")).then().statusCode(200).extract()
                .jsonPath();
        assertEquals("rejected", without.getString("items[1].status"));
        assertNull(without.get("items[0].refanged"));
    }

    @Test
    void aStreamedNdjsonBatchRetriedWithItsIdempotencyKeyIsReplayedAndPublishedOnce() throws Exception {
        String unique = "i" + UUID.randomUUID().toString().substring(0, 8);
        String body = String.join("\n", mixedItems(unique));
        Map<String, String> headers = new java.util.HashMap<>(ndjsonHeaders());
        headers.put("Idempotency-Key", unique);
        try (RawHttp http = new RawHttp("127.0.0.1", RestAssured.port, 30_000)) {
            Answer first = http.post(BATCH, headers, body.getBytes(StandardCharsets.UTF_8), Encoding.CHUNKED, false);
            Answer retry = http.post(BATCH, headers, body.getBytes(StandardCharsets.UTF_8), Encoding.CHUNKED, false);
            Answer other = http.post(BATCH, headers, (body + "\n" + body).getBytes(StandardCharsets.UTF_8),
                    Encoding.CONTENT_LENGTH, false);
            assertEquals(202, first.status(), first.text());
            assertEquals(202, retry.status(), retry.text());
            assertEquals("true", retry.header("idempotency-replayed"));
            assertEquals(first.text(), retry.text());
            assertEquals(422, other.status(), other.text());
            assertEquals("Idempotency-Key", new JsonPath(other.text()).getString("error.param"));
        }
        assertMarkerOnlyOnce(unique);
    }

    /** Publishes a marker batch and, once its event arrived, finds exactly one event naming {@code unique}. */
    private void assertMarkerOnlyOnce(String unique) throws Exception {
        String marker = postJson(document(List.of("{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.0.2.98\"}}")),
                Map.of()).then().statusCode(202).extract().jsonPath().getString("items[0].submissionId");
        queues.entities().await(marker, Duration.ofSeconds(10));
        assertEquals(1, queues.entities().received().stream()
                .filter(m -> m.body().toString().contains(unique)).count(), "published once: " + unique);
    }

    @Test
    void aStreamedBatchRefusedBeforeItsBodyIsReadClosesItsConnection() throws Exception {
        String line = "{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.0.2.1\"}}\n";
        byte[] body = line.repeat(50).getBytes(StandardCharsets.UTF_8); // small enough to sit in socket buffers
        for (Encoding encoding : Encoding.values()) {
            try (RawHttp http = new RawHttp("127.0.0.1", RestAssured.port, 10_000)) {
                Answer refused = http.post(BATCH, Map.of("Content-Type", "application/x-ndjson"), body, encoding,
                        false);
                assertEquals(401, refused.status(), encoding + ": " + refused.text());
                assertEquals("close", refused.header("connection"), encoding.toString());
            }
            try (RawHttp http = new RawHttp("127.0.0.1", RestAssured.port, 10_000)) {
                Answer answer = http.post(BATCH, ndjsonHeaders(), body, encoding, false);
                assertEquals(202, answer.status(), encoding.toString());
            }
        }
    }
}
