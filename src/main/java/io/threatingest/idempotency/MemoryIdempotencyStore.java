package io.threatingest.idempotency;

import java.time.Duration;
import java.util.LinkedHashMap;

import io.smallrye.mutiny.Uni;

/**
 * Idempotency keys in this process, for one replica: at most {@code maxEntries} keys and {@code maxBytes} of kept
 * answers (a batch's answer can run to megabytes), the oldest forgotten first, each expiring after its lease (held)
 * or the retention (answered). One lock makes every operation atomic.
 */
public final class MemoryIdempotencyStore implements IdempotencyStore {

    private record Entry(String fingerprint, String token, StoredAnswer answer, long expiresAtNanos) {

        long bytes() {
            return answer == null ? 0 : answer.body().length;
        }
    }

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private final int maxEntries;
    private final long maxBytes;
    private long bytes;

    public MemoryIdempotencyStore(int maxEntries, long maxBytes) {
        this.maxEntries = Math.max(1, maxEntries);
        this.maxBytes = Math.max(0, maxBytes);
    }

    @Override
    public synchronized Uni<Found> claim(String key, String fingerprint, String token, Duration lease) {
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAtNanos() - now > 0) {
            return Uni.createFrom().item(new Found(entry.fingerprint(), entry.answer()));
        }
        remove(key);
        put(key, new Entry(fingerprint, token, null, now + lease.toNanos()));
        return Uni.createFrom().nullItem();
    }

    @Override
    public synchronized Uni<Void> complete(String key, String token, StoredAnswer answer, Duration retention) {
        Entry entry = entries.get(key);
        if (entry != null && entry.answer() == null && entry.token().equals(token)) {
            remove(key);
            if (answer.body().length <= maxBytes) {
                put(key, new Entry(entry.fingerprint(), token, answer, System.nanoTime() + retention.toNanos()));
            }
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<Void> release(String key, String token) {
        Entry entry = entries.get(key);
        if (entry != null && entry.answer() == null && entry.token().equals(token)) {
            remove(key);
        }
        return Uni.createFrom().voidItem();
    }

    private void put(String key, Entry entry) {
        entries.put(key, entry);
        bytes += entry.bytes();
        var eldest = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            Entry dropped = eldest.next().getValue();
            eldest.remove();
            bytes -= dropped.bytes();
        }
    }

    private void remove(String key) {
        Entry removed = entries.remove(key);
        if (removed != null) {
            bytes -= removed.bytes();
        }
    }
}
