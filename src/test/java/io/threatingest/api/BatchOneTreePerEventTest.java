package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.activemq.artemis.protocol.amqp.broker.AmqpInterceptor;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.threatingest.local.EmbeddedBroker;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.NeedsEmbeddedBroker;
import io.threatingest.support.Sha3;
import io.threatingest.support.SmallLimitsProfile;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonObject;

/**
 * POST /batch with {@code ingest.batch.trees-per-event=1}: one event per tree, shaped like an /entity event; and a
 * broker that refuses some of the events (an interceptor) makes exactly those items {@code unavailable}, never
 * accepted, or all of them (503). The packing (and a publish timeout of 10 s, for a burst of events to a cold broker
 * on a busy machine) is a setting of the start this class shares, {@link SmallLimitsProfile}.
 */
@BrokerFacing
@NeedsEmbeddedBroker
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(SmallLimitsProfile.class)
class BatchOneTreePerEventTest {

    @InjectBroker
    EmbeddedBroker broker;

    @InjectBroker
    BrokerQueues queues;

    /** A reporter of its own: the start's rate limit gives each caller a burst of three requests. */
    private static RequestSpecification caller() {
        return TestCredentials.freshCaller("one-tree", "reporter");
    }

    private static List<String> domains(String unique, int count) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add("{\"type\":\"domain\",\"attributes\":{\"domain\":\"d" + i + "." + unique + ".example.com\"}}");
        }
        return items;
    }

    @Test
    void everyTreeIsAnEventOfItsOwn() throws Exception {
        String unique = "o" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath answer = BatchIngestTest.postJson(caller(), BatchIngestTest.document(domains(unique, 20)), Map.of())
                .then()
                .statusCode(202).extract().jsonPath();
        List<String> events = answer.getList("items.submissionId");
        assertEquals(20, new HashSet<>(events).size());
        for (int i = 0; i < 20; i++) {
            JsonObject event = queues.entities().await(events.get(i), Duration.ofSeconds(10)).body()
                    .toJsonObject();
            String id = Sha3.id("domain", "d" + i + "." + unique + ".example.com");
            assertEquals(id, event.getString("rootId"));
            assertEquals(List.of(id), event.getJsonArray("roots").getList());
            assertEquals(List.of(i), event.getJsonArray("items").getList());
            assertEquals(1, event.getJsonArray("entities").size());
        }
    }

    @Test
    void itemsTheBrokerRefusesAreUnavailableAndTheOthersAccepted() throws Exception {
        String unique = "r" + UUID.randomUUID().toString().substring(0, 8);
        // the broker refuses the events of items 3 and 7, recognised by their subject (the tree's root ID)
        List<String> refused = List.of(Sha3.id("domain", "d3." + unique + ".example.com"),
                Sha3.id("domain", "d7." + unique + ".example.com"));
        AmqpInterceptor refuse = (message, connection) -> !refused
                .contains(message.getStringProperty("cloudEvents:subject"));
        broker.server().getRemotingService().addIncomingInterceptor(refuse);
        JsonPath answer;
        try {
            answer = BatchIngestTest.postJson(caller(), BatchIngestTest.document(domains(unique, 10)), Map.of()).then()
                    .statusCode(202).extract().jsonPath();
        } finally {
            broker.server().getRemotingService().removeIncomingInterceptor(refuse);
        }
        assertEquals(8, answer.getInt("accepted"));
        assertEquals(2, answer.getInt("unavailable"));
        for (int i = 0; i < 10; i++) {
            String status = answer.getString("items[" + i + "].status");
            if (i == 3 || i == 7) {
                assertEquals("unavailable", status);
                assertNull(answer.get("items[" + i + "].submissionId"));
                assertTrue(answer.getString("items[" + i + "].error.message").contains("retry"));
            } else {
                assertEquals("accepted", status);
                queues.entities().await(answer.getString("items[" + i + "].submissionId"), Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void aBrokerTakingNoneIs503WithEveryItemUnavailable() {
        String unique = "z" + UUID.randomUUID().toString().substring(0, 8);
        AmqpInterceptor refuseAll = (message, connection) -> false;
        broker.server().getRemotingService().addIncomingInterceptor(refuseAll);
        Response response;
        try {
            response = BatchIngestTest.postJson(caller(), BatchIngestTest.document(domains(unique, 5)), Map.of());
        } finally {
            broker.server().getRemotingService().removeIncomingInterceptor(refuseAll);
        }
        EntityIngestTest.assertErrorHeaders(response, 503);
        assertNotEquals(null, response.getHeader("Retry-After"));
        assertEquals(5, response.jsonPath().getInt("unavailable"));
        assertEquals(0, response.jsonPath().getInt("accepted"));
    }
}
