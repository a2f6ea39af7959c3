package io.threatingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.threatingest.local.EmbeddedBroker;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.FullAddress;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.NeedsEmbeddedBroker;
import io.threatingest.support.OwnBrokerProfile;
import io.threatingest.support.TestCredentials;

/**
 * When the broker refuses or is stopped nothing is acknowledged: every answer is a 503 with the error headers. The
 * broker is shared only with the other tests of {@link OwnBrokerProfile}, so that stopping it disturbs no other class.
 */
@BrokerFacing
@NeedsEmbeddedBroker
@QuarkusTest
@WithTestResource(value = EmbeddedBrokerResource.class, initArgs = {
        @ResourceArg(name = "persistent", value = "true"), @ResourceArg(name = "settings", value = "amqp") })
@WithTestResource(AuthFixtureResource.class)
@TestProfile(OwnBrokerProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerOutageTest {

    private static final String BODY = "{\"type\":\"ip\",\"attributes\":{\"ip\":\"8.8.4.4\"}}";

    @InjectBroker
    EmbeddedBroker broker;

    private static Response post() {
        return TestCredentials.reporter().contentType(ContentType.JSON).body(BODY).post(EntityIngestTest.ENTITY);
    }

    @Test
    @Order(1)
    void messageRefusedByTheBrokerGives503() throws Exception {
        try (FullAddress full = FullAddress.of(broker, EmbeddedBrokerResource.ENTITIES)) {
            post().then().statusCode(anyOf(equalTo(202), equalTo(503)));
            for (int i = 0; i < 3; i++) {
                Response response = post();
                EntityIngestTest.assertErrorHeaders(response, 503);
                response.then().header("Retry-After", matchesPattern("[1-9][0-9]*"));
            }
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        int status = 0;
        while (System.nanoTime() < deadline && status != 202) {
            status = post().statusCode();
        }
        assertEquals(202, status, "publishing resumes once the broker accepts messages again");
    }

    @Test
    @Order(2)
    void stoppedBrokerGives503WithRetryAfterAndNever202ThenRecovers() throws Exception {
        post().then().statusCode(202);

        broker.stop();
        String metricsBefore = MetricsTest.scrape();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            Response response = post();
            long millis = (System.nanoTime() - started) / 1_000_000;
            statuses.add(response.statusCode());
            EntityIngestTest.assertErrorHeaders(response, 503);
            response.then().header("Retry-After", matchesPattern("[1-9][0-9]*"))
                    .body("error.type", equalTo("CRITICAL"));
            assertTrue(millis < 4_000, "a 503 comes within the publish timeout, took " + millis + " ms");
        }
        assertEquals(List.of(503, 503, 503, 503, 503), statuses);
        String metricsAfter = MetricsTest.scrape();
        String failures = "ingest_broker_failures_total{address=\"ingest.entities\"";
        assertEquals(5, MetricsTest.total(metricsAfter, failures) - MetricsTest.total(metricsBefore, failures));
        String unavailable = "ingest_submissions_total{endpoint=\"entity\",outcome=\"rejected\",reason=\"unavailable\"";
        assertEquals(5, MetricsTest.total(metricsAfter, unavailable) - MetricsTest.total(metricsBefore, unavailable));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'amqp-broker' }.status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
        assertEquals(0, MetricsTest.value(MetricsTest.scrape(), "ingest_broker_connected"), "the readiness gauge");

        broker.start();
        long deadline = System.nanoTime() + 5_000_000_000L;
        int status = 0;
        while (System.nanoTime() < deadline && status != 202) {
            status = post().statusCode();
            if (status != 202) {
                Thread.sleep(100);
            }
        }
        assertEquals(202, status, "publishing resumes within 5 s of the broker's return, without a restart");
        given().get("/q/health/ready").then().statusCode(200);
        assertEquals(1, MetricsTest.value(MetricsTest.scrape(), "ingest_broker_connected"), "the readiness gauge");
    }
}
