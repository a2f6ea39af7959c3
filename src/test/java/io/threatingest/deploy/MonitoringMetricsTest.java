package io.threatingest.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.QueueWriter;
import io.threatingest.support.SmallLimitsProfile;
import io.threatingest.support.TestCredentials;

/**
 * Every metric the Grafana dashboard and the Prometheus rules read is one the service exposes: after one request
 * of each kind (accepted, invalid, dry run, batch, idempotent retry, 401, scan with a webhook, 429) the scrape of
 * {@code /q/metrics} names them all, so renaming a metric breaks the build instead of an operator's dashboard. The
 * start is shared ({@link SmallLimitsProfile}: a rate limit to reach, webhooks allowed to a plain-http receiver on
 * the loopback address); each request is made as a caller of its own, except those that must share one.
 */
@BrokerFacing
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(SmallLimitsProfile.class)
class MonitoringMetricsTest {

    /**
     * Series of other exporters, which the service cannot expose. up: Prometheus' own series per scrape target
     * (ThreatIngestTargetDown).
     */
    static final Set<String> OTHER_EXPORTERS = Set.of("up");

    /** Exposed only once the broker or the state backend failed: checked by {@link MonitoringOutageMetricsTest}. */
    static final Set<String> OUTAGE_ONLY = Set.of("ingest_broker_failures_total", "ingest_state_backend_errors_total");

    private static final String ENTITY = "/api/ingest/v1/entity";
    private static final String TREE = "{\"type\":\"domain\",\"attributes\":{\"domain\":\"monitoring.example.org\"},"
            + "\"associations\":[{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.51.100.77\"}}]}";

    @InjectBroker
    BrokerQueues queues;

    private static RequestSpecification json(RequestSpecification as, String body) {
        return as.contentType(ContentType.JSON).body(body);
    }

    /** A request as a reporter of its own: a bucket of its own in this start's rate limit. */
    private static RequestSpecification reporter() {
        return as(TestCredentials.freshToken("monitoring", List.of("reporter")));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    @Test
    void everyMetricTheDashboardAndTheRulesReadIsExposed() throws Exception {
        json(reporter(), TREE).post(ENTITY).then().statusCode(202);
        json(reporter(), "{\"type\":\"ip\",\"attributes\":{\"ip\":\"127.1\"}}").post(ENTITY).then()
                .statusCode(400);
        json(reporter(), TREE).queryParam("dryRun", "true").post(ENTITY).then().statusCode(200);
        json(reporter(),
                "{\"entities\":[" + TREE + ",{\"type\":\"ip\",\"attributes\":{\"ip\":\"x\"}}]}")
                .post("/api/ingest/v1/batch").then().statusCode(202);
        String key = UUID.randomUUID().toString();
        String retrying = TestCredentials.freshToken("monitoring", List.of("reporter"));
        json(as(retrying), TREE).header("Idempotency-Key", key).post(ENTITY).then().statusCode(202);
        json(as(retrying), TREE).header("Idempotency-Key", key).post(ENTITY).then().statusCode(202)
                .header("Idempotency-Replayed", "true");
        json(given().header("api-key", TestCredentials.REPORTER.keyId()).header("api-secret", "wrong"), TREE)
                .post(ENTITY).then().statusCode(401);
        scanWithWebhook();
        String limited = TestCredentials.freshToken("monitoring", List.of("reporter"));
        int status = 0;
        for (int i = 0; i <= SmallLimitsProfile.BURST && status != 429; i++) {
            status = json(as(limited), TREE).queryParam("dryRun", "true").post(ENTITY).statusCode();
        }
        assertEquals(429, status, "the rate limit (a burst of " + SmallLimitsProfile.BURST + ") is reached");

        collectGarbageUntilAPauseIsRecorded();

        Set<String> used = MonitoringQueries.usedMetricNames();
        assertTrue(used.containsAll(OTHER_EXPORTERS), "allowed names that nothing uses any more: " + OTHER_EXPORTERS);
        assertTrue(used.containsAll(OUTAGE_ONLY), "outage names that nothing uses any more: " + OUTAGE_ONLY);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(MonitoringQueries.exposedNames(scrape()));
        missing.removeAll(OTHER_EXPORTERS);
        missing.removeAll(OUTAGE_ONLY);
        assertEquals(Set.of(), missing, "metrics read by " + MonitoringQueries.DASHBOARD + " or "
                + MonitoringQueries.RULES + " that the service does not expose");
    }

    /**
     * The GC pause series exist only once the JVM has paused for a collection, which a short test run may never
     * do: ask for one (the service runs in this JVM) and wait until its notification is counted.
     */
    private static void collectGarbageUntilAPauseIsRecorded() throws InterruptedException {
        for (int i = 0; i < 50 && !scrape().contains("jvm_gc_pause_seconds_count{"); i++) {
            System.gc();
            Thread.sleep(200);
        }
    }

    /** A scan with a webhook, finished by a scanner's report, so that the webhook is called. */
    private void scanWithWebhook() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (QueueWriter scanners = queues.writer("ingest.scan-status")) {
            String id = json(reporter(), "{\"target\":\"monitoring.example.org\",\"webhook\":{\"url\":"
                    + "\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}}")
                    .post("/api/ingest/v1/scan").then().statusCode(202).extract().path("id");
            scanners.send(UUID.randomUUID().toString(), "{\"id\":\"" + id + "\",\"status\":\"done\"}");
            for (int i = 0; i < 200 && !scrape().contains("ingest_webhook_calls_total{"); i++) {
                Thread.sleep(50);
            }
            assertEquals(1, calls.get(), "the webhook was called");
        } finally {
            receiver.stop(0);
        }
    }

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
