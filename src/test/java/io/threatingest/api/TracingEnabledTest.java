package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.FeatureSettingsProfile;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.TestCredentials;

/**
 * With the OpenTelemetry SDK on, an event carries the service's own request span: the caller's trace id with a
 * new parent span id, so a consumer's span joins the caller's trace below the service. Spans are not exported
 * during the test (the export interval is longer than the test; the endpoint is a closed local port).
 */
@BrokerFacing
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(FeatureSettingsProfile.class)
class TracingEnabledTest {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CALLER_SPAN = "00f067aa0ba902b7";

    @InjectBroker
    BrokerQueues queues;

    private String traceparentOfEventFor(RequestSpecification request) throws InterruptedException {
        return TracePropagationTest.propertiesOfEventFor(queues, request).get("traceparent");
    }

    @Test
    void eventContinuesTheCallersTraceUnderTheServicesSpan() throws Exception {
        String traceparent = traceparentOfEventFor(TestCredentials.reporter()
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01"));

        String[] parts = traceparent.split("-");
        assertEquals(4, parts.length, traceparent);
        assertEquals(TRACE_ID, parts[1], "same trace as the caller's");
        assertNotEquals(CALLER_SPAN, parts[2], "the parent is the service's span, not the caller's");
        assertEquals("01", parts[3], "sampled, as the caller asked");
    }

    @Test
    void untracedRequestsStartATraceThatConsumersCanContinue() throws Exception {
        String traceparent = traceparentOfEventFor(TestCredentials.reporter());

        assertTrue(traceparent.matches("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-0[01]"), traceparent);
    }
}
