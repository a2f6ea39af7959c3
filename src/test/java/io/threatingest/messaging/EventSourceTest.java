package io.threatingest.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The CloudEvents source is checked once, at start, instead of failing every publish. */
class EventSourceTest {

    @Test
    void aUriReferenceIsTheSource() {
        assertEquals("/threat-ingest", EventPublisher.sourceUri("/threat-ingest").toString());
        assertEquals("https://ingest.example.org/feeds", EventPublisher.sourceUri("https://ingest.example.org/feeds")
                .toString());
    }

    @Test
    void anythingElseStopsTheStartNamingTheSetting() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> EventPublisher.sourceUri("threat ingest"));
        assertTrue(refused.getMessage().startsWith("ingest.events.source must be a URI reference"),
                refused.getMessage());
    }
}
