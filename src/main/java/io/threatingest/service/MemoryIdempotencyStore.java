package io.threatingest.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.smallrye.mutiny.Uni;

/**
 * Idempotency keys in this process, for one replica: at most {@code maxEntries}, the oldest forgotten first, each
 * expiring after its lease (held) or the retention (answered). One lock makes every operation atomic.
 */
public final class MemoryIdempotencyStore implements IdempotencyStore {

    private record Entry(String fingerprint, String token, StoredAnswer answer, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries;

    public MemoryIdempotencyStore(int maxEntries) {
        int max = Math.max(1, maxEntries);
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > max;
            }
        };
    }

    @Override
    public synchronized Uni<Found> claim(String key, String fingerprint, String token, Duration lease) {
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAtNanos() - now > 0) {
            return Uni.createFrom().item(new Found(entry.fingerprint(), entry.answer()));
        }
        entries.remove(key);
        entries.put(key, new Entry(fingerprint, token, null, now + lease.toNanos()));
        return Uni.createFrom().nullItem();
    }

    @Override
    public synchronized Uni<Void> complete(String key, String token, StoredAnswer answer, Duration retention) {
        Entry entry = entries.get(key);
        if (entry != null && entry.answer() == null && entry.token().equals(token)) {
            entries.remove(key);
            entries.put(key, new Entry(entry.fingerprint(), token, answer, System.nanoTime() + retention.toNanos()));
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<Void> release(String key, String token) {
        Entry entry = entries.get(key);
        if (entry != null && entry.answer() == null && entry.token().equals(token)) {
            entries.remove(key);
        }
        return Uni.createFrom().voidItem();
    }
}
