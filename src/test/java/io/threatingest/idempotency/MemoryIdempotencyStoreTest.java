package io.threatingest.idempotency;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The memory store's bounds: keys, and bytes of kept answers (a batch's answer can be megabytes). */
class MemoryIdempotencyStoreTest {

    private static final Duration LONG = Duration.ofMinutes(5);

    private static StoredAnswer answer(int bytes) {
        return new StoredAnswer(202, "application/json", Map.of(), new byte[bytes]);
    }

    /** Claims and answers {@code key}; then whether a new claim finds it kept. */
    private static void keep(MemoryIdempotencyStore store, String key, int bytes) {
        assertNull(store.claim(key, "fp-" + key, "t-" + key, LONG).await().indefinitely());
        store.complete(key, "t-" + key, answer(bytes), LONG).await().indefinitely();
    }

    @Test
    void answersBeyondTheByteBoundPushTheOldestOut() {
        MemoryIdempotencyStore store = new MemoryIdempotencyStore(100, 1000);
        keep(store, "a", 400);
        keep(store, "b", 400);
        keep(store, "c", 400); // 1,200 bytes: a goes
        assertNotNull(store.claim("b", "fp-b", "x", LONG).await().indefinitely().answer());
        assertNotNull(store.claim("c", "fp-c", "x", LONG).await().indefinitely().answer());
        assertNull(store.claim("a", "fp-a", "x", LONG).await().indefinitely(), "the oldest answer was forgotten");
    }

    @Test
    void anAnswerLargerThanTheBoundIsNotKeptAndItsKeyIsFree() {
        MemoryIdempotencyStore store = new MemoryIdempotencyStore(100, 1000);
        keep(store, "small", 10);
        keep(store, "huge", 1001);
        assertNull(store.claim("huge", "fp-huge", "x", LONG).await().indefinitely(), "a retry runs anew");
        assertNotNull(store.claim("small", "fp-small", "x", LONG).await().indefinitely().answer(),
                "a larger answer does not evict the others");
    }

    @Test
    void theKeyCountIsBoundedToo() {
        MemoryIdempotencyStore store = new MemoryIdempotencyStore(2, 1_000_000);
        keep(store, "a", 1);
        keep(store, "b", 1);
        keep(store, "c", 1);
        assertNull(store.claim("a", "fp-a", "x", LONG).await().indefinitely());
        assertNotNull(store.claim("c", "fp-c", "x", LONG).await().indefinitely().answer());
    }
}
