package io.threatingest.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.QueueReader;
import io.threatingest.support.Sha3;
import io.threatingest.support.TestCredentials;

/**
 * {@code ?dryRun=true} on every ingest endpoint either validates without publishing (200) or is refused (400);
 * never is it ignored. "Nothing published" is checked by publishing a marker afterwards on the same queue and
 * finding, once the marker has arrived, no message that carries the dry run's unique value.
 */
@BrokerFacing
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class DryRunEverywhereTest {

    private static final String BASE = "/api/ingest/v1";

    @InjectBroker
    BrokerQueues queues;

    private static Response post(String path, String dryRun, String body) {
        var request = TestCredentials.reporter().contentType(ContentType.JSON).body(body);
        if (dryRun != null) {
            request.queryParam("dryRun", dryRun);
        }
        return request.post(BASE + path);
    }

    /** Publishes a marker on the queue and, once it is there, asserts that no message holds {@code text}. */
    private void assertNothingPublished(String queue, String path, String markerBody, String text) throws Exception {
        QueueReader reader = queues.reader(queue);
        String marker = post(path, null, markerBody).then().statusCode(202).extract().jsonPath().getString(
                path.equals("/comment") ? "id" : "submissionId");
        reader.await(marker, Duration.ofSeconds(10));
        assertFalse(reader.received().stream().anyMatch(m -> m.body().toString().contains(text)),
                "a dry run published its " + text);
    }

    @Test
    void associationDryRunValidatesAndPublishesNothing() throws Exception {
        String value = "dry-" + UUID.randomUUID() + ".example.com";
        String body = "{\"entity\":{\"type\":\"ip\",\"value\":\"192.0.2.7\"},\"relatedEntity\":{\"type\":\"domain\","
                + "\"value\":\"" + value + "\"},\"mode\":\"association\"}";
        post("/association", "true", body).then().statusCode(200)
                .body("submissionId", nullValue())
                .body("relatedEntityID", equalTo(Sha3.id("domain", value)));
        String domainId = Sha3.id("domain", value);
        assertNothingPublished("ingest.associations", "/association", AssociationResource.EXAMPLE,
                domainId);
        Response invalid = post("/association", "true", body.replace("association\"}", "sideways\"}"));
        EntityIngestTest.assertErrorHeaders(invalid, 400);
        invalid.then().body("error.param", equalTo("/mode"));
    }

    @Test
    void commentDryRunValidatesAndPublishesNothing() throws Exception {
        String text = "dry run " + UUID.randomUUID();
        String body = "{\"entity\":{\"type\":\"ip\",\"value\":\"192.0.2.8\"},\"comment\":\"" + text + "\"}";
        post("/comment", "true", body).then().statusCode(200)
                .body("id", nullValue())
                .body("entityID", equalTo(Sha3.id("ip", "192.0.2.8")));
        assertNothingPublished("ingest.comments", "/comment", CommentResource.EXAMPLE, text);
        Response invalid = post("/comment", "true", "{\"entity\":{\"type\":\"ip\",\"value\":\"192.0.2.8\"}}");
        EntityIngestTest.assertErrorHeaders(invalid, 400);
    }

    @Test
    void scanRefusesADryRunAndCreatesNoTask() {
        String target = "dry-" + UUID.randomUUID() + ".example.com";
        Response refused = post("/scan", "true", "{\"target\":\"" + target + "\"}");
        EntityIngestTest.assertErrorHeaders(refused, 400);
        refused.then().body("error.param", equalTo("dryRun"));
        // no task was created: the first real request for the target creates it
        post("/scan", "false", "{\"target\":\"" + target + "\"}").then().statusCode(202);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/entity", "/well-known", "/batch", "/association", "/comment", "/scan" })
    void aDryRunValueOtherThanTrueOrFalseIs400(String path) {
        var caller = path.equals("/well-known") ? TestCredentials.TRUSTED.given() : TestCredentials.reporter();
        Response response = caller.contentType(ContentType.JSON).queryParam("dryRun", "maybe")
                .body("{}").post(BASE + path);
        EntityIngestTest.assertErrorHeaders(response, 400);
        response.then().body("error.param", equalTo("dryRun"));
    }
}
