package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectRedis;
import io.threatingest.support.NeedsRedis;
import io.threatingest.support.RedisServer;
import io.threatingest.support.RedisServerResource;
import io.threatingest.support.RedisStateProfile;
import io.threatingest.support.TestCredentials;

/**
 * Scans with the tasks in a real Redis: the same behaviour as in memory, webhooks stored sealed, and a prompt 503
 * for scans while Redis is down, when entity ingest goes on. The start ({@link RedisStateProfile}) has a webhook lease
 * of seconds, so that the sweep for webhook calls abandoned by a stopped replica runs every second.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@WithTestResource(RedisServerResource.class)
@TestProfile(RedisStateProfile.class)
@NeedsRedis
class RedisScanTest extends ScanContract {

    @InjectRedis
    RedisServer redis;

    @Test
    void webhookCredentialsAreNotStoredInClear() throws Exception {
        scan("{\"target\":\"sealed.example.org\",\"webhook\":{\"url\":\"" + hook()
                + "?token=url-secret\",\"headers\":[{\"key\":\"Authorization\",\"value\":\"Bearer sealed-token\"}]}}")
                .then().statusCode(202);
        String dump = redis.dump();
        assertTrue(dump.contains("sealed.example.org"), "the task is in Redis");
        assertTrue(!dump.contains("sealed-token") && !dump.contains("url-secret"), "no credential in clear");
    }

    /** A replica that took a webhook call and died: its lease runs out and this replica makes the call. */
    @Test
    void aWebhookCallLeftByAStoppedReplicaIsTakenOver() throws Exception {
        String id = scan("{\"target\":\"orphan.example.org\",\"webhook\":{\"url\":\"" + hook() + "\"}}")
                .then().statusCode(202).extract().path("id");
        String task = "threat-ingest:{scan}:task:orphan.example.org";
        long past = System.currentTimeMillis() - 10_000;
        // what a replica leaves behind when it dies right after taking the call: done, calling, an expired lease
        redis.cli("HSET", task, "status", "done", "finished", Long.toString(past), "hook", "calling");
        redis.cli("ZADD", "threat-ingest:{scan}:webhook-leases", Long.toString(past), task);

        String state = "";
        for (int i = 0; i < 100 && !state.equals("delivered"); i++) {
            Thread.sleep(100);
            state = TestCredentials.reporter().get(SCAN + "/" + id).then().statusCode(200).extract()
                    .path("webhook.status");
        }
        assertEquals("delivered", state);
        assertEquals(1, calls.stream().filter(call -> call.body().contains(id)).count(), "called once");
        assertEquals("", redis.cli("ZSCORE", "threat-ingest:{scan}:webhook-leases", task).trim(), "lease released");
    }

    /**
     * A webhook sealed with a key this replica does not hold (replicas configured with different keys): the report
     * is dead-lettered at once, not handed back for ever as if Redis were down.
     */
    @Test
    void aReportForAWebhookThisReplicaCannotOpenIsDeadLettered() throws Exception {
        String id = scan("{\"target\":\"other-key.example.org\",\"webhook\":{\"url\":\"" + hook() + "\"}}")
                .then().statusCode(202).extract().path("id");
        redis.cli("HSET", "threat-ingest:{scan}:task:other-key.example.org", "webhook", "c2VhbGVkIGVsc2V3aGVyZQ==");
        String report = "other-key-" + UUID.randomUUID();
        scanners.send(report, "{\"id\":\"" + id + "\",\"status\":\"done\"}");
        queues.deadLetters().await(report, Duration.ofSeconds(10));
    }

    @Test
    void redisDownMakesScansAPrompt503AndEntitiesGoOn() throws Exception {
        redis.stop();
        try {
            long start = System.nanoTime();
            var answer = scan("{\"target\":\"outage.example.org\"}");
            EntityIngestTest.assertErrorHeaders(answer, 503);
            answer.then().header("Retry-After", "1");
            assertTrue(System.nanoTime() - start < 3_000_000_000L, "answered within the backend timeout");
            TestCredentials.reporter().contentType(ContentType.JSON)
                    .body("{\"type\":\"ip\",\"attributes\":{\"ip\":\"203.0.113.44\"}}")
                    .post("/api/ingest/v1/entity").then().statusCode(202);
        } finally {
            redis.start();
        }
        String id = null;
        for (int i = 0; i < 50 && id == null; i++) {
            var answer = scan("{\"target\":\"outage.example.org\"}");
            id = answer.statusCode() == 202 ? answer.path("id") : null;
            Thread.sleep(100);
        }
        assertTrue(id != null, "scans work again once Redis is back");
        List.of(id).forEach(task -> TestCredentials.reporter().get(SCAN + "/" + task).then().statusCode(200));
    }
}
