package io.threatingest.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.QueueWriter;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonObject;

/**
 * POST and GET /scan: task identity, status reports from scanners, and the completion webhook. Run with the tasks
 * in memory ({@link ScanTest}) and in Redis ({@link RedisScanTest}), both with the settings of
 * {@link io.threatingest.support.FeatureSettingsProfile#idempotencyAndScans()}: webhooks to a plain-http receiver
 * on the loopback address, as nothing else may, and a short backoff.
 */
@BrokerFacing
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScanContract {

    static final String SCAN = "/api/ingest/v1/scan";

    record Call(String body, String authorization) {
    }

    @InjectBroker
    BrokerQueues queues;

    QueueWriter scanners;
    HttpServer receiver;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile int failuresBeforeSuccess;

    @BeforeAll
    void start() throws Exception {
        scanners = queues.writer("ingest.scan-status");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            boolean fail = failuresBeforeSuccess > 0;
            if (fail) {
                failuresBeforeSuccess--;
            } else {
                calls.add(new Call(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Authorization")));
            }
            exchange.sendResponseHeaders(fail ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stop() throws Exception {
        scanners.close();
        receiver.stop(0);
    }

    private List<Call> callsFor(String taskId) {
        return calls.stream().filter(call -> call.body().contains(taskId)).toList();
    }

    static Response scan(String body) {
        return TestCredentials.reporter().contentType(ContentType.JSON).body(body).post(SCAN);
    }

    String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    void report(String id, String status) throws Exception {
        scanners.send(UUID.randomUUID().toString(), "{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}");
    }

    private static String statusOf(String target) {
        return scan("{\"target\":\"" + target + "\"}").then().statusCode(200).extract().path("status");
    }

    private static String awaitStatus(String target, String expected) throws InterruptedException {
        String status = statusOf(target);
        for (int i = 0; i < 100 && !status.equals(expected); i++) {
            Thread.sleep(50);
            status = statusOf(target);
        }
        return status;
    }

    @Test
    void sameTargetGivesTheSameTaskAndStatusReportsMoveIt() throws Exception {
        String created = scan("{\"target\":\"Scan-Me.Example.ORG\",\"webhook\":{\"url\":\"" + hook()
                + "\",\"headers\":[{\"key\":\"Authorization\",\"value\":\"Bearer receiver-token\"}]}}")
                .then().statusCode(202).body("status", equalTo("new")).extract().path("id");

        JsonObject requested = queues.reader("ingest.scans").await(created, Duration.ofSeconds(10))
                .body().toJsonObject();
        assertEquals("scan-me.example.org", requested.getString("target"));
        assertEquals("fqdn", requested.getString("targetKind"));
        assertTrue(!requested.encode().contains("receiver-token"), "the webhook stays out of the event");

        scan("{\"target\":\"scan-me.example.org\"}").then().statusCode(200)
                .body("id", equalTo(created)).body("status", equalTo("new"));

        report(created, "queued");
        assertEquals("queued", awaitStatus("SCAN-ME.example.org", "queued"));
        report(created, "running");
        assertEquals("running", awaitStatus("scan-me.example.org", "running"));
        report(created, "done");
        assertEquals("done", awaitStatus("scan-me.example.org", "done"));
        report(created, "done");
        report(created, "running");

        for (int i = 0; i < 100 && callsFor(created).isEmpty(); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        List<Call> mine = callsFor(created);
        assertEquals(1, mine.size(), "the webhook is called exactly once");
        JsonObject body = new JsonObject(mine.get(0).body());
        assertEquals(created, body.getString("id"));
        assertEquals("scan-me.example.org", body.getString("target"));
        assertEquals("done", body.getString("status"));
        assertTrue(body.getString("finishedAt").endsWith("Z"));
        assertEquals("Bearer receiver-token", mine.get(0).authorization());
        assertEquals("done", statusOf("scan-me.example.org"), "a finished task is reused within the window");
    }

    @Test
    void aFailingWebhookIsRetried() throws Exception {
        failuresBeforeSuccess = 2;
        String id = scan("{\"target\":\"8.8.4.4\",\"webhook\":{\"url\":\"" + hook() + "\"}}")
                .then().statusCode(202).extract().path("id");
        report(id, "done");
        for (int i = 0; i < 100 && callsFor(id).isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertEquals(1, callsFor(id).size(), "delivered on the third attempt");
        assertEquals(0, failuresBeforeSuccess, "after two failed attempts");
    }

    @Test
    void malformedAndUnknownReportsAreDeadLetteredAndTheConsumerGoesOn() throws Exception {
        String run = UUID.randomUUID().toString();
        scanners.send("bad-1-" + run, "not json");
        scanners.send("bad-2-" + run, "{\"id\":\"00000000-0000-0000-0000-000000000000\",\"status\":\"done\"}");
        scanners.send("bad-3-" + run, "{\"id\":42,\"status\":\"done\"}");
        String id = scan("{\"target\":\"1.1.1.1\"}").then().statusCode(202).extract().path("id");
        scanners.send("bad-4-" + run, "{\"id\":\"" + id + "\",\"status\":\"paused\"}");
        report(id, "running");
        assertEquals("running", awaitStatus("1.1.1.1", "running"));
        for (int i = 1; i <= 4; i++) {
            queues.deadLetters().await("bad-" + i + "-" + run, Duration.ofSeconds(10));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"target\":\"10.0.0.1\"} | /target",
            "{\"target\":\"localhost\"} | /target",
            "{\"target\":\"http://example.org\"} | /target",
            "{} | /target",
            "{\"target\":\"example.org\",\"webhook\":{\"url\":\"http://10.0.0.5/hook\"}} | /webhook/url",
            "{\"target\":\"example.org\",\"webhook\":{\"url\":\"http://169.254.169.254/latest\"}} | /webhook/url",
            "{\"target\":\"example.org\",\"webhook\":{\"url\":\"http://[::1]:8080/hook\"}} | /webhook/url",
            "{\"target\":\"example.org\",\"webhook\":{\"url\":\"ftp://example.org/hook\"}} | /webhook/url",
            "{\"target\":\"example.org\",\"webhook\":{\"url\":\"http://127.0.0.1/h\",\"headers\":[{\"key\":\"X-A\",\"value\":\"a\\r\\nInjected: 1\"}]}} | /webhook/headers/0/value",
            "{\"target\":\"example.org\",\"webhook\":{\"url\":\"http://127.0.0.1/h\",\"headers\":[{\"key\":\"Bad Name\",\"value\":\"a\"}]}} | /webhook/headers/0/key",
            "{\"target\":\"example.org\",\"webhook\":{\"url\":\"http://127.0.0.1/h\",\"headers\":[{\"key\":\"Host\",\"value\":\"a\"}]}} | /webhook/headers/0/key",
            "{\"target\":\"9.9.9.9\",\"type\":\"fqdn\"} | /type",
            "{\"target\":\"typed.example.org\",\"type\":\"ip\"} | /type",
            "{\"target\":\"typed.example.org\",\"type\":\"url\"} | /type" })
    void refusesBadTargetsTypesAndUnsafeWebhooks(String body, String param) {
        Response response = scan(body);
        EntityIngestTest.assertErrorHeaders(response, 400);
        response.then().body("error.param", equalTo(param));
    }

    @Test
    void aTaskIsReadByIdWithItsWebhookOutcomeAndNoSecret() throws Exception {
        String id = scan("{\"target\":\"read-me.example.org\",\"type\":\"fqdn\",\"webhook\":{\"url\":\"" + hook()
                + "\",\"headers\":[{\"key\":\"Authorization\",\"value\":\"Bearer read-token\"}]}}")
                .then().statusCode(202).extract().path("id");
        String pending = TestCredentials.reporter().get(SCAN + "/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("target", equalTo("read-me.example.org")).body("type", equalTo("fqdn"))
                .body("status", equalTo("new")).body("webhook.status", equalTo("pending"))
                .extract().asString();
        assertTrue(!pending.contains("read-token") && !pending.contains("/hook"),
                "no webhook URL or header: " + pending);

        report(id, "done");
        String state = "";
        for (int i = 0; i < 100 && !state.equals("delivered"); i++) {
            Thread.sleep(50);
            state = TestCredentials.reporter().get(SCAN + "/" + id).then().statusCode(200).extract()
                    .path("webhook.status");
        }
        assertEquals("delivered", state);
        TestCredentials.reporter().get(SCAN + "/" + id).then().body("status", equalTo("done"))
                .body("finishedAt", org.hamcrest.Matchers.endsWith("Z"));
    }

    @Test
    void unknownTasksAre404AndIdsMustBeUuids() {
        EntityIngestTest.assertErrorHeaders(TestCredentials.reporter().get(SCAN + "/" + UUID.randomUUID()), 404);
        EntityIngestTest.assertErrorHeaders(TestCredentials.reporter().get(SCAN + "/not-a-uuid"), 400);
        EntityIngestTest.assertErrorHeaders(TestCredentials.TRUSTED.given().get(SCAN + "/" + UUID.randomUUID()), 403);
    }

    @Test
    void aTypeThatMatchesIsAccepted() {
        scan("{\"target\":\"9.9.9.10\",\"type\":\"ip\"}").then().statusCode(202);
        scan("{\"target\":\"9.9.9.10\",\"type\":\"ip\"}").then().statusCode(200);
    }
}
