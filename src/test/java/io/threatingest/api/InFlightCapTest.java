package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.protocol.amqp.broker.AmqpInterceptor;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.threatingest.local.EmbeddedBroker;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.FeatureSettingsProfile;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.NeedsEmbeddedBroker;
import io.threatingest.support.TestCredentials;

/**
 * Back-pressure: with the broker holding back its settlements (an interceptor stalls it), at most
 * {@code ingest.publish.max-in-flight} messages wait; the next request is refused at once with 503 and
 * {@code Retry-After} instead of joining the queue. Likewise large bodies in progress, up to
 * {@code ingest.limits.max-body-bytes-in-progress}. The cap (two), the body budget and a publish timeout of 6 s are
 * settings of the start this class shares, {@link FeatureSettingsProfile}.
 */
@BrokerFacing
@NeedsEmbeddedBroker
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(FeatureSettingsProfile.class)
class InFlightCapTest {

    @InjectBroker
    EmbeddedBroker broker;

    private static Response post(int i) {
        return TestCredentials.reporter().contentType(ContentType.JSON)
                .body("{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.51.100." + i + "\"}}")
                .post(EntityIngestTest.ENTITY);
    }

    /**
     * Stalls the broker until {@code release} (at most 10 s): it stops reading this connection while the interceptor
     * waits, so nothing sent is settled. Remove the interceptor once no message passes (the broker iterates its
     * interceptors without a lock).
     */
    private AmqpInterceptor holdBrokerUntil(CountDownLatch release) {
        AmqpInterceptor hold = (message, connection) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        };
        broker.server().getRemotingService().addIncomingInterceptor(hold);
        return hold;
    }

    /** A tree of about 100 KiB: two do not fit in the start's body budget. */
    private static String largeTree(int seed) {
        StringBuilder tree = new StringBuilder("{\"type\":\"domain\",\"attributes\":{\"domain\":\"budget-" + seed
                + ".example.org\"},\"associations\":[");
        for (int i = 0; i < 1800; i++) {
            tree.append(i == 0 ? "" : ",").append("{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.18.")
                    .append(seed * 8 + i / 250).append('.').append(i % 250 + 1).append("\"}}");
        }
        return tree.append("]}").toString();
    }

    private static Response postLarge(int seed) {
        return TestCredentials.reporter().contentType(ContentType.JSON).body(largeTree(seed))
                .post(EntityIngestTest.ENTITY);
    }

    @Test
    void largeBodiesBeyondTheBudgetAre503AtOnceAndSmallOrAnonymousOnesAreNotCounted() throws Exception {
        assertTrue(largeTree(1).length() > FeatureSettingsProfile.BODY_BUDGET / 2 + 1024,
                "bodies of over half the budget");
        CountDownLatch release = new CountDownLatch(1);
        AmqpInterceptor hold = holdBrokerUntil(release);
        CompletableFuture<Integer> held;
        try {
            held = CompletableFuture.supplyAsync(() -> postLarge(1).statusCode());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (MetricsTest.value(MetricsTest.scrape(), "ingest_bodies_in_progress_bytes") == 0) {
                assertTrue(System.nanoTime() < deadline, "the gauge counts the body in progress within 10 s");
                Thread.sleep(50);
            }
            assertFalse(held.isDone(), "the first large body waits for the broker");

            long started = System.nanoTime();
            Response refused = postLarge(2);
            long millis = (System.nanoTime() - started) / 1_000_000;
            EntityIngestTest.assertErrorHeaders(refused, 503);
            assertTrue(refused.getHeader("x-error").contains("too many large submissions are being processed"),
                    refused.getHeader("x-error"));
            assertEquals("1", refused.getHeader("Retry-After"));
            assertTrue(millis < 1_000, "refused without waiting: " + millis + " ms");

            TestCredentials.reporter().contentType(ContentType.JSON)
                    .body("{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.51.100.7\"}}")
                    .post(EntityIngestTest.ENTITY + "?dryRun=true").then().statusCode(200);
            io.restassured.RestAssured.given().contentType(ContentType.JSON).body(largeTree(3))
                    .post(EntityIngestTest.ENTITY).then().statusCode(401);
        } finally {
            release.countDown();
        }
        assertEquals(202, held.get(), "the held body ends with its 202");
        broker.server().getRemotingService().removeIncomingInterceptor(hold);
        postLarge(2).then().statusCode(202);
        String after = MetricsTest.scrape();
        assertTrue(after.contains("\ningest_bodies_in_progress_bytes "), "the gauge is exported");
        assertEquals(0, MetricsTest.value(after, "ingest_bodies_in_progress_bytes"), "every body given back");
    }

    @Test
    void beyondTheCapA503ComesAtOnceAndTheWaitingOnesFinish() throws Exception {
        post(1).then().statusCode(202);
        String before = MetricsTest.scrape();
        CountDownLatch release = new CountDownLatch(1);
        AmqpInterceptor hold = holdBrokerUntil(release);
        List<CompletableFuture<Integer>> waiting = new ArrayList<>();
        try {
            waiting.add(CompletableFuture.supplyAsync(() -> post(10).statusCode()));
            waiting.add(CompletableFuture.supplyAsync(() -> post(11).statusCode()));
            Thread.sleep(500);
            long started = System.nanoTime();
            Response refused = post(12);
            long millis = (System.nanoTime() - started) / 1_000_000;
            EntityIngestTest.assertErrorHeaders(refused, 503);
            assertTrue(refused.getHeader("x-error").contains("too many submissions await the broker"),
                    refused.getHeader("x-error"));
            assertTrue(refused.getHeader("Retry-After").matches("[1-9][0-9]*"));
            assertTrue(millis < 1_000, "the refusal did not wait for the broker: " + millis + " ms");
            assertFalse(waiting.stream().anyMatch(CompletableFuture::isDone), "both requests wait for the broker");
        } finally {
            release.countDown();
        }
        for (CompletableFuture<Integer> request : waiting) {
            assertEquals(202, request.get(), "a request held by the broker ends with its 202");
        }
        // removed only now that no message passes: the broker iterates its interceptors without a lock
        broker.server().getRemotingService().removeIncomingInterceptor(hold);
        String after = MetricsTest.scrape();
        String overloaded = "ingest_broker_failures_total{address=\"ingest.entities\",reason=\"overloaded\"";
        assertEquals(1, MetricsTest.total(after, overloaded) - MetricsTest.total(before, overloaded));
        assertTrue(after.contains("ingest_publish_in_flight"), "the in-flight gauge is exported");
        post(2).then().statusCode(202);
    }
}
