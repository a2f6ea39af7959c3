package io.threatingest.taxii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Media-type matching and the memory status store, without the service. */
class TaxiiUnitsTest {

    @Test
    void acceptMustAdmitTaxii21() {
        for (String accepted : new String[]{ null, "", "*/*", "application/*", "application/taxii+json",
                "application/taxii+json;version=2.1", "application/taxii+json; version=\"2.1\"",
                "text/html, application/taxii+json;version=2.1;q=0.5", "application/json, */*;q=0.1" }) {
            assertTrue(TaxiiMedia.acceptable(accepted), accepted);
        }
        for (String refused : new String[]{ "application/json", "application/taxii+json;version=2.0",
                "application/stix+json;version=2.1", "text/csv", "*/*;q=0", "application/taxii+json;q=0" }) {
            assertFalse(TaxiiMedia.acceptable(refused), refused);
        }
    }

    @Test
    void contentTypeMustBeTaxii21() {
        assertTrue(TaxiiMedia.taxii21("application/taxii+json;version=2.1"));
        assertTrue(TaxiiMedia.taxii21("Application/TAXII+json; version=2.1; charset=utf-8"));
        assertTrue(TaxiiMedia.taxii21("application/taxii+json"));
        assertFalse(TaxiiMedia.taxii21("application/taxii+json;version=2.0"));
        assertFalse(TaxiiMedia.taxii21("application/json"));
        assertFalse(TaxiiMedia.taxii21(null));
    }

    @Test
    void theMemoryStoreIsBoundedExpiresAndKeepsStatusesToTheirOwner() {
        Instant[] now = { Instant.parse("2026-01-01T00:00:00Z") };
        Clock clock = new Clock() {

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        MemoryTaxiiStatusStore store = new MemoryTaxiiStatusStore(Duration.ofHours(1), 2, clock);
        store.put("alice", status("1")).await().indefinitely();
        store.put("alice", status("2")).await().indefinitely();
        assertEquals(Optional.empty(), store.get("bob", "1").await().indefinitely(), "another caller's");
        assertEquals("1", store.get("alice", "1").await().indefinitely().orElseThrow().id());
        store.put("bob", status("3")).await().indefinitely();
        assertEquals(Optional.empty(), store.get("alice", "1").await().indefinitely(), "the oldest goes first");
        assertTrue(store.get("bob", "3").await().indefinitely().isPresent());
        now[0] = now[0].plus(Duration.ofHours(1));
        assertEquals(Optional.empty(), store.get("bob", "3").await().indefinitely(), "expired");
    }

    private static TaxiiStatus status(String id) {
        return new TaxiiStatus(id, TaxiiStatus.COMPLETE, "2026-01-01T00:00:00.000Z", 0, 0, List.of(), 0, List.of(),
                0, List.of());
    }
}
