package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.TestCredentials;

/** The caller's W3C trace context reaches consumers as AMQP application properties of the event. */
@BrokerFacing
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class TracePropagationTest {

    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @InjectBroker
    BrokerQueues queues;

    private Map<String, String> propertiesOfEventFor(RequestSpecification request) throws InterruptedException {
        return propertiesOfEventFor(queues, request);
    }

    /** Submits an entity with this request and answers the CloudEvents attributes of its event. */
    static Map<String, String> propertiesOfEventFor(BrokerQueues queues, RequestSpecification request)
            throws InterruptedException {
        String submissionId = request.contentType(ContentType.JSON)
                .body("{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.0.2.77\"}}")
                .post(EntityIngestTest.ENTITY)
                .then().statusCode(202).extract().path("submissionId");
        return queues.entities().await(submissionId, Duration.ofSeconds(10)).attributes();
    }

    @Test
    void callersTraceContextTravelsWithTheEvent() throws Exception {
        Map<String, String> properties = propertiesOfEventFor(TestCredentials.reporter()
                .header("traceparent", TRACEPARENT).header("tracestate", "vendor=abc,other=1"));

        assertEquals(TRACEPARENT, properties.get("traceparent"));
        assertEquals("vendor=abc,other=1", properties.get("tracestate"));
    }

    @Test
    void aBatchsEventsCarryTheCallersTraceContextToo() throws Exception {
        // a pack's event is built on a worker of the request's context: the trace context must come along
        String submissionId = TestCredentials.reporter().header("traceparent", TRACEPARENT)
                .contentType(ContentType.JSON)
                .body(BatchIngestTest.document(List.of("{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.0.2.78\"}}")))
                .post(BatchIngestTest.BATCH)
                .then().statusCode(202).extract().path("items[0].submissionId");
        assertEquals(TRACEPARENT,
                queues.entities().await(submissionId, Duration.ofSeconds(10)).attribute("traceparent"));
    }

    @Test
    void malformedTraceContextIsDropped() throws Exception {
        Map<String, String> uppercase = propertiesOfEventFor(TestCredentials.reporter()
                .header("traceparent", TRACEPARENT.toUpperCase()).header("tracestate", "vendor=abc"));
        Map<String, String> zeroTraceId = propertiesOfEventFor(TestCredentials.reporter()
                .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"));

        assertFalse(uppercase.containsKey("traceparent"));
        assertFalse(uppercase.containsKey("tracestate"), "no tracestate without a valid traceparent");
        assertFalse(zeroTraceId.containsKey("traceparent"));
    }

    @Test
    void eventsOfUntracedRequestsCarryNoTraceContext() throws Exception {
        assertFalse(propertiesOfEventFor(TestCredentials.reporter()).containsKey("traceparent"));
    }
}
