package io.threatingest.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The webhook claim: taken once when a task finishes, taken over once a lease has run out, released by its end. */
class MemoryScanTaskStoreTest {

    private final Instant start = Instant.now();
    private final MemoryScanTaskStore store = new MemoryScanTaskStore(Duration.ofHours(24), Duration.ofDays(7),
            Duration.ofMinutes(2), 100);

    private ScanTask task() {
        ScanTask task = ScanTask.create("t-1", "example.org", "fqdn", start,
                new ScanTask.Webhook("https://hooks.example.net/x", List.of()));
        assertTrue(store.claim(task, start).await().indefinitely().created());
        return task;
    }

    @Test
    void onlyTheFirstDoneReportTakesTheWebhookCall() {
        task();
        assertFalse(store.advance("t-1", ScanStatus.RUNNING, start).await().indefinitely().orElseThrow().callWebhook());
        assertTrue(store.advance("t-1", ScanStatus.DONE, start).await().indefinitely().orElseThrow().callWebhook());
        assertFalse(store.advance("t-1", ScanStatus.DONE, start).await().indefinitely().orElseThrow().callWebhook());
        assertEquals(ScanStatus.DONE,
                store.advance("t-1", ScanStatus.QUEUED, start).await().indefinitely().orElseThrow().task().status());
    }

    @Test
    void aCallLeftUnfinishedIsTakenOverOnceAfterItsLease() {
        task();
        store.advance("t-1", ScanStatus.DONE, start).await().indefinitely();
        assertEquals(List.of(), store.abandonedWebhooks(start.plusSeconds(60)).await().indefinitely());
        assertEquals(1, store.abandonedWebhooks(start.plusSeconds(121)).await().indefinitely().size());
        assertEquals(List.of(), store.abandonedWebhooks(start.plusSeconds(122)).await().indefinitely(),
                "taken over with a new lease");
        store.webhookEnded("t-1", ScanTask.WebhookState.DELIVERED).await().indefinitely();
        assertEquals(List.of(), store.abandonedWebhooks(start.plusSeconds(1000)).await().indefinitely());
        assertEquals(ScanTask.WebhookState.DELIVERED, store.get("t-1").await().indefinitely().orElseThrow()
                .webhookState());
    }
}
