package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.threatingest.local.EmbeddedBroker;
import io.threatingest.support.AmqpQueueReader;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.NeedsEmbeddedBroker;
import io.threatingest.support.OwnBrokerProfile;
import io.threatingest.support.QueueReader;
import io.threatingest.support.TestCredentials;

/**
 * Nothing acknowledged is lost: a stream of submissions runs while the (persistent) broker stops and starts
 * again; afterwards every submission answered 202 is on the durable queue, and publishing came back. The broker is
 * shared only with the other tests of {@link OwnBrokerProfile}.
 */
@BrokerFacing
@NeedsEmbeddedBroker
@QuarkusTest
@WithTestResource(value = EmbeddedBrokerResource.class, initArgs = {
        @ResourceArg(name = "persistent", value = "true"), @ResourceArg(name = "settings", value = "amqp") })
@WithTestResource(AuthFixtureResource.class)
@TestProfile(OwnBrokerProfile.class)
class BrokerRestartTest {

    @InjectBroker
    EmbeddedBroker broker;

    @Test
    void everyAcknowledgedSubmissionSurvivesABrokerRestart() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger acknowledgedAfterRestart = new AtomicInteger();
        AtomicBoolean restarted = new AtomicBoolean(false);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            load.submit(() -> {
                int n = 0;
                while (running.get()) {
                    String ip = "203.0." + thread + "." + (n++ % 250 + 1);
                    Response response = TestCredentials.reporter().contentType(ContentType.JSON)
                            .body("{\"type\":\"ip\",\"attributes\":{\"ip\":\"" + ip + "\"}}")
                            .post(EntityIngestTest.ENTITY);
                    if (response.statusCode() == 202) {
                        acknowledged.add(response.path("submissionId"));
                        if (restarted.get()) {
                            acknowledgedAfterRestart.incrementAndGet();
                        }
                    } else if (response.statusCode() == 503) {
                        refused.incrementAndGet();
                    } else {
                        other.incrementAndGet();
                    }
                }
            });
        }
        Thread.sleep(1500);
        broker.stop();
        Thread.sleep(1500);
        broker.start();
        restarted.set(true);
        Thread.sleep(3000);
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));

        assertEquals(0, other.get(), "only 202 and 503 are possible answers");
        assertTrue(refused.get() > 0, "the outage was noticed");
        assertTrue(acknowledgedAfterRestart.get() > 0, "publishing resumed after the restart");
        try (QueueReader queue = new AmqpQueueReader(broker.port(), EmbeddedBrokerResource.ENTITIES)) {
            for (String id : List.copyOf(acknowledged)) {
                queue.await(id, Duration.ofSeconds(20));
            }
        }
        System.out.printf("broker restart: %d acknowledged, %d refused, all acknowledged ones delivered%n",
                acknowledged.size(), refused.get());
    }

    @Test
    void afterAReconnectionEveryOutgoingAddressHasItsSenderBeforeAnyPublish() throws Exception {
        broker.stop();
        broker.start();
        List<String> outgoing = List.of("ingest.entities", "ingest.associations", "ingest.comments", "ingest.scans");
        Set<String> producing = Set.of();
        for (int i = 0; i < 150 && !producing.containsAll(outgoing); i++) {
            Thread.sleep(100);
            producing = broker.server().getSessions().stream()
                    .flatMap(session -> session.getServerProducers().stream())
                    .map(producer -> String.valueOf(producer.getAddress()))
                    .collect(java.util.stream.Collectors.toSet());
        }
        assertTrue(producing.containsAll(outgoing), "sender links open with the connection: " + producing);
    }
}
