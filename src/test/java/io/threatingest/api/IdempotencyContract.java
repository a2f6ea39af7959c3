package io.threatingest.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.threatingest.idempotency.IdempotencyKeys;
import io.threatingest.local.EmbeddedBroker;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.DeliveredEvent;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.FeatureSettingsProfile;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.NeedsEmbeddedBroker;
import io.threatingest.support.TestCredentials;

/**
 * {@code Idempotency-Key} on the POST operations: a retry gets the first answer again and publishes nothing, a key
 * reused for another request is refused (422), a key held by a request in progress too (409), answers that are not
 * 2xx or 4xx free the key, and a kept answer is forgotten after the retention. Run with the keys in memory
 * ({@link IdempotencyTest}) and in Redis ({@link RedisIdempotencyTest}), both with the settings of
 * {@link FeatureSettingsProfile#idempotencyAndScans()}: a retention of seconds, and a publish timeout long enough to
 * send requests while one is held by the broker.
 */
@BrokerFacing
abstract class IdempotencyContract {

    static final String KEY = IdempotencyKeys.HEADER;

    @InjectBroker
    BrokerQueues queues;

    @InjectBroker
    EmbeddedBroker broker;

    /** An entity no other request submits: its events can be counted on the queue. */
    static String entity(String marker) {
        return "{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.0.2.7\",\"text\":\"" + marker + "\"}}";
    }

    static Response post(RequestSpecification as, String key, String body) {
        RequestSpecification request = as.contentType(ContentType.JSON).body(body);
        return (key == null ? request : request.header(KEY, key)).post(EntityIngestTest.ENTITY);
    }

    /** Events on the entities queue carrying {@code marker}, after a pause for any late one. */
    long events(String marker) throws InterruptedException {
        Thread.sleep(500);
        return queues.entities().received().stream().map(DeliveredEvent::body)
                .filter(body -> body.toString().contains(marker)).count();
    }

    @Test
    void retryGetsTheSameAnswerAndPublishesOnce() throws Exception {
        String marker = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        Response first = post(TestCredentials.reporter(), key, entity(marker));
        first.then().statusCode(202);
        assertNull(first.header(IdempotencyKeys.REPLAYED));
        queues.entities().await(first.path("submissionId"), java.time.Duration.ofSeconds(10));

        for (int i = 0; i < 2; i++) {
            Response again = post(TestCredentials.reporter(), key, entity(marker));
            again.then().statusCode(202).header(IdempotencyKeys.REPLAYED, "true")
                    .contentType(ContentType.JSON);
            assertEquals(first.asString(), again.asString(), "the same body, to the byte");
        }
        assertEquals(1, events(marker), "one event for three requests with one key");

        Response unkeyed = post(TestCredentials.reporter(), null, entity(marker));
        unkeyed.then().statusCode(202);
        assertNotEquals((String) first.path("submissionId"), (String) unkeyed.path("submissionId"),
                "no key: processed anew");
        assertEquals(2, events(marker));
    }

    @Test
    void keyReusedForAnotherRequestIs422AndKeysBelongToTheirCaller() throws Exception {
        String marker = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        post(TestCredentials.reporter(), key, entity(marker)).then().statusCode(202);

        Response reused = post(TestCredentials.reporter(), key, entity(marker + "-other"));
        EntityIngestTest.assertErrorHeaders(reused, 422);
        reused.then().body("error.param", equalTo(KEY));
        Response otherQuery = TestCredentials.reporter().contentType(ContentType.JSON).header(KEY, key)
                .queryParam("dryRun", "true").body(entity(marker)).post(EntityIngestTest.ENTITY);
        EntityIngestTest.assertErrorHeaders(otherQuery, 422);

        // another caller with the same key and body is another request
        Response other = post(TestCredentials.ADMIN.given(), key, entity(marker));
        other.then().statusCode(202);
        assertNull(other.header(IdempotencyKeys.REPLAYED));
        assertEquals(2, events(marker));
        assertEquals(0, events(marker + "-other"));
    }

    @Test
    void invalidEntityIsKeptAs400WithItsErrorId() {
        String key = UUID.randomUUID().toString();
        String invalid = "{\"type\":\"ip\",\"attributes\":{\"ip\":\"not-an-ip\"}}";
        Response first = post(TestCredentials.reporter(), key, invalid);
        EntityIngestTest.assertErrorHeaders(first, 400);
        Response again = post(TestCredentials.reporter(), key, invalid);
        EntityIngestTest.assertErrorHeaders(again, 400);
        again.then().header(IdempotencyKeys.REPLAYED, "true")
                .header("x-error-id", first.header("x-error-id"))
                .header("x-error", first.header("x-error"));
        assertEquals(first.asString(), again.asString());
    }

    @Test
    void invalidKeysAre400AndUnauthenticatedRequestsAre401() {
        for (String key : List.of("x".repeat(256), "with space", "caf\u00e9")) {
            Response refused = TestCredentials.reporter().contentType(ContentType.JSON.withCharset("UTF-8"))
                    .header(KEY, key).body(entity("invalid-key")).post(EntityIngestTest.ENTITY);
            EntityIngestTest.assertErrorHeaders(refused, 400);
            refused.then().body("error.param", equalTo(KEY));
        }
        post(TestCredentials.reporter(), "x".repeat(255), entity(UUID.randomUUID().toString())).then()
                .statusCode(202);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            Response anonymous = post(io.restassured.RestAssured.given(), key, entity("anonymous"));
            EntityIngestTest.assertErrorHeaders(anonymous, 401);
            assertNull(anonymous.header(IdempotencyKeys.REPLAYED));
        }
    }

    @Test
    void keptAnswerIsForgottenAfterTheRetention() throws Exception {
        String marker = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        Response first = post(TestCredentials.reporter(), key, entity(marker));
        first.then().statusCode(202);
        post(TestCredentials.reporter(), key, entity(marker)).then().header(IdempotencyKeys.REPLAYED, "true");
        Thread.sleep(FeatureSettingsProfile.IDEMPOTENCY_RETENTION.toMillis() + 500);
        Response later = post(TestCredentials.reporter(), key, entity(marker));
        later.then().statusCode(202);
        assertNull(later.header(IdempotencyKeys.REPLAYED));
        assertNotEquals((String) first.path("submissionId"), (String) later.path("submissionId"));
        assertEquals(2, events(marker));
    }

    /** Holds every message sent to the entities address until released: a broker that does not answer. */
    static final class Stall implements ActiveMQServerMessagePlugin {

        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);

        @Override
        public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                boolean noAutoCreateQueue) {
            if (EmbeddedBrokerResource.ENTITIES.equals(message.getAddress())) {
                held.countDown();
                try {
                    released.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Test
    @NeedsEmbeddedBroker
    void keyInProgressIs409AndA503FreesIt() throws Exception {
        String marker = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        Stall stall = new Stall();
        broker.server().registerBrokerPlugin(stall);
        try {
            // the first request waits for the broker up to ingest.publish.timeout, then answers 503
            CompletableFuture<Response> first = CompletableFuture
                    .supplyAsync(() -> post(TestCredentials.reporter(), key, entity(marker)));
            assertTrue(stall.held.await(10, TimeUnit.SECONDS), "the first request reached the broker");
            assertFalse(first.isDone(), "the first request is still waiting for the broker");
            Response second = post(TestCredentials.reporter(), key, entity(marker));
            Response other = post(TestCredentials.reporter(), key, entity(marker + "-other"));
            assertFalse(first.isDone(), "both were sent while the first request was in progress");
            EntityIngestTest.assertErrorHeaders(second, 409);
            second.then().header("Retry-After", "1").body("error.param", equalTo(KEY));
            EntityIngestTest.assertErrorHeaders(other, 422);
            EntityIngestTest.assertErrorHeaders(first.get(20, TimeUnit.SECONDS), 503);
        } finally {
            stall.released.countDown();
            broker.server().unRegisterBrokerPlugin(stall);
        }
        // the 503 was not kept: a retry with the key is processed (after a 503 more while the link recovers)
        int status = 0;
        long deadline = System.nanoTime() + 10_000_000_000L;
        Response retry = null;
        while (status != 202 && System.nanoTime() < deadline) {
            retry = post(TestCredentials.reporter(), key, entity(marker));
            status = retry.statusCode();
            assertTrue(status == 202 || status == 503, "status " + status);
            if (status != 202) {
                Thread.sleep(200);
            }
        }
        assertEquals(202, status);
        assertNull(retry.header(IdempotencyKeys.REPLAYED));
        post(TestCredentials.reporter(), key, entity(marker)).then().statusCode(202)
                .header(IdempotencyKeys.REPLAYED, "true").body("submissionId", equalTo(retry.path("submissionId")));
        // no count of events here: the message of the request answered 503 reaches the queue once released
        queues.entities().await(retry.path("submissionId"), java.time.Duration.ofSeconds(10));
    }
}
