package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectRedis;
import io.threatingest.support.NeedsRedis;
import io.threatingest.support.RedisServer;
import io.threatingest.support.RedisServerResource;
import io.threatingest.support.TestCredentials;

/**
 * Shared rate limits with a burst large enough for leases (an eighth of it, here 5 tokens): a busy caller costs
 * fewer Redis calls than requests, and still gets exactly its burst, no more and no less, whether its requests come
 * at once from many connections or in spurts with pauses that leave leases stale (their unspent tokens go back).
 * It shares {@link RedisRateLimitRefuseTest}'s start (burst 40, no refill to speak of, {@code refuse} when Redis
 * fails: a request that waits longer than the state timeout is a 503 here, which the status checks catch).
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@WithTestResource(RedisServerResource.class)
@TestProfile(RedisRateLimitRefuseTest.RefuseWhenRedisIsDown.class)
@NeedsRedis
class RedisTokenLeasesTest {

    static final int BURST = 40;

    @InjectRedis
    RedisServer redis;

    @Test
    void aBusyCallerCostsFewerRedisCallsThanRequests() throws Exception {
        RequestSpecification caller = TestCredentials.freshCaller("leases-calls", "admin");
        long before = scriptCalls();
        int requests = BURST - 5;
        for (int i = 0; i < requests; i++) {
            assertEquals(200, caller.get("/api/ingest/v1/definitions").statusCode(), "request " + i);
        }
        long calls = scriptCalls() - before;
        System.out.printf("%d requests of one caller: %d Redis script calls%n", requests, calls);
        assertTrue(calls <= requests / 3, calls + " script calls for " + requests + " requests");
    }

    @Test
    void spurtsWithPausesGetExactlyTheBurst() throws Exception {
        RequestSpecification caller = TestCredentials.freshCaller("leases-spurts", "admin");
        int allowed = 0;
        int refused = 0;
        while (refused == 0) {
            for (int i = 0; i < 7; i++) {
                int status = caller.get("/api/ingest/v1/definitions").statusCode();
                assertTrue(status == 200 || status == 429, "status " + status);
                allowed += status == 200 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
            }
            Thread.sleep(300); // longer than a lease is held: what is left of it goes back
        }
        assertEquals(BURST, allowed, "requests allowed before the first 429");
    }

    @RepeatedTest(3)
    void manyConnectionsAtOnceGetExactlyTheBurst() throws Exception {
        String token = TestCredentials.freshToken("leases-concurrent", List.of("admin"));
        double failuresBefore = backendFailures();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4 * BURST; i++) {
                answers.add(pool.submit(() -> RestAssured.given().auth().oauth2(token)
                        .get("/api/ingest/v1/definitions").statusCode()));
            }
            int allowed = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertTrue(status == 200 || status == 429, "status " + status);
                allowed += status == 200 ? 1 : 0;
            }
            System.out.println(io.restassured.RestAssured.given().get("/q/metrics").asString().lines()
                    .filter(l -> l.contains("state_backend_errors_total")).toList() + " allowed " + allowed);
            assertEquals(BURST, allowed, "requests allowed of " + 4 * BURST);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double backendFailures() {
        return RestAssured.given().get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("ingest_state_backend_errors_total{")
                        && line.contains("operation=\"rate-limit\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private long scriptCalls() throws Exception {
        return redis.cli("INFO", "commandstats").lines()
                .filter(line -> line.startsWith("cmdstat_evalsha:") || line.startsWith("cmdstat_eval:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("^[^:]*:calls=(\\d+),.*", "$1")))
                .sum();
    }
}
