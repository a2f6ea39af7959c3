package io.threatingest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.TestCredentials;

/** The Prometheus endpoint counts what happened to submissions, entities, publishing and authentication. */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class MetricsTest {

    private static final String TREE = "{\"type\":\"domain\",\"attributes\":{\"domain\":\"metrics.example.org\"},"
            + "\"associations\":[{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.51.100.9\"}},"
            + "{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.51.100.10\"}}]}";

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The end of a sample line: nothing, or an OpenMetrics exemplar (the trace that last counted it), which the
     * registry adds when the OpenTelemetry SDK is on (FeatureSettingsProfile's start).
     */
    private static final String EXEMPLAR = "(?: # \\{[^}]*} [0-9.Ee+-]+(?: [0-9.Ee+-]+)?)?$";

    /** The value of one series (0 when absent); labels given in the order Prometheus prints them (sorted). */
    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.Ee+-]+)" + EXEMPLAR).matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void post(io.restassured.specification.RequestSpecification as, String body, int status) {
        as.contentType(ContentType.JSON).body(body).post(EntityIngestTest.ENTITY).then().statusCode(status);
    }

    @Test
    void submissionsAreCountedByEndpointOutcomeAndReason() {
        String before = scrape();
        post(TestCredentials.reporter(), TREE, 202);
        post(TestCredentials.reporter(), "{\"type\":\"ip\",\"attributes\":{\"ip\":\"127.1\"}}", 400);
        post(given().header("api-key", TestCredentials.REPORTER.keyId()).header("api-secret", "wrong"), TREE, 401);
        post(TestCredentials.reporter(), "{\"type\":\"ip\",\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}", 413);
        String after = scrape();

        String accepted = "ingest_submissions_total{endpoint=\"entity\",outcome=\"accepted\",reason=\"none\"}";
        String invalid = "ingest_submissions_total{endpoint=\"entity\",outcome=\"rejected\",reason=\"invalid\"}";
        String unauthenticated = "ingest_submissions_total{endpoint=\"entity\",outcome=\"rejected\",reason=\"unauthenticated\"}";
        String tooLarge = "ingest_submissions_total{endpoint=\"entity\",outcome=\"rejected\",reason=\"too-large\"}";
        assertEquals(1, value(after, accepted) - value(before, accepted), accepted);
        assertEquals(1, value(after, invalid) - value(before, invalid), invalid);
        assertEquals(1, value(after, unauthenticated) - value(before, unauthenticated), unauthenticated);
        assertEquals(1, value(after, tooLarge) - value(before, tooLarge), tooLarge);
    }

    @Test
    void acceptedEntitiesAreCountedByTypeAndPublishingIsTimed() {
        String before = scrape();
        post(TestCredentials.reporter(), TREE, 202);
        String after = scrape();

        assertEquals(1, value(after, "ingest_entities_total{type=\"domain\"}")
                - value(before, "ingest_entities_total{type=\"domain\"}"));
        assertEquals(2, value(after, "ingest_entities_total{type=\"ip\"}")
                - value(before, "ingest_entities_total{type=\"ip\"}"));
        String count = "ingest_publish_duration_seconds_count{address=\"ingest.entities\",outcome=\"accepted\"}";
        assertEquals(1, value(after, count) - value(before, count), count);
        assertTrue(
                after.contains(
                        "ingest_publish_duration_seconds_bucket{address=\"ingest.entities\",outcome=\"accepted\",le="),
                "the publish latency is a histogram");
    }

    @Test
    void entitiesOfAPublishedBatchAreCountedByTypeAndADryRunCountsNone() {
        String batch = "{\"entities\":[" + TREE + ",{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.51.100.11\"}},"
                + "{\"type\":\"ip\",\"attributes\":{\"ip\":\"not an address\"}}]}";
        String domains = "ingest_entities_total{type=\"domain\"}";
        String ips = "ingest_entities_total{type=\"ip\"}";
        String items = "ingest_batch_items_total{status=\"accepted\"}";
        String before = scrape();
        TestCredentials.reporter().contentType(ContentType.JSON).body(batch)
                .post(BatchIngestTest.BATCH + "?dryRun=true")
                .then().statusCode(200);
        String afterDryRun = scrape();
        TestCredentials.reporter().contentType(ContentType.JSON).body(batch).post(BatchIngestTest.BATCH).then()
                .statusCode(202);
        String after = scrape();

        assertEquals(0, value(afterDryRun, ips) - value(before, ips), "a dry run publishes nothing");
        assertEquals(0, value(afterDryRun, items) - value(before, items), "a dry run counts no batch item");
        assertEquals(1, value(after, domains) - value(afterDryRun, domains), domains);
        assertEquals(3, value(after, ips) - value(afterDryRun, ips), ips);
        assertEquals(2, value(after, items) - value(afterDryRun, items), items);
    }

    @Test
    void refusedAuthenticationsAreCountedByMethod() {
        String before = scrape();
        post(given().header("api-key", TestCredentials.REPORTER.keyId()).header("api-secret", "wrong"), TREE, 401);
        post(given().auth().oauth2("not-a-token"), TREE, 401);
        String after = scrape();

        assertEquals(1, total(after, "ingest_auth_failures_total{method=\"api-key\"") - total(before,
                "ingest_auth_failures_total{method=\"api-key\""));
        assertEquals(1, total(after, "ingest_auth_failures_total{method=\"bearer\"") - total(before,
                "ingest_auth_failures_total{method=\"bearer\""));
    }

    /** The sum over all series starting with a prefix (any further labels). */
    static double total(String scrape, String prefix) {
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(prefix) + "[^}]*} ([0-9.Ee+-]+)" + EXEMPLAR)
                .matcher(scrape);
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
