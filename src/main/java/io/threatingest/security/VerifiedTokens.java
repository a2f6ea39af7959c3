package io.threatingest.security;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Bearer tokens that passed verification, so that a client reusing its token pays the signature check once. An
 * entry is found by a SHA-256 of the token (the token itself is not a key) and lives until the earlier of a
 * deadline on the wall clock (the token's own end, which the caller derives from its claims) and the TTL. It is
 * bounded: the least recently used entries go first. Only verified tokens are ever put here.
 */
final class VerifiedTokens<V> {

    private record Entry<V>(V value, long notAfterEpochMillis, long ttlEndNanos) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier epochMillis;
    private final LongSupplier nanoTime;
    private final Map<String, Entry<V>> entries;

    VerifiedTokens(long ttlNanos, int maxEntries) {
        this(ttlNanos, maxEntries, System::currentTimeMillis, System::nanoTime);
    }

    VerifiedTokens(long ttlNanos, int maxEntries, LongSupplier epochMillis, LongSupplier nanoTime) {
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
        this.epochMillis = epochMillis;
        this.nanoTime = nanoTime;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, VerifiedTokens.Entry<V>> eldest) {
                return size() > VerifiedTokens.this.maxEntries;
            }
        };
    }

    boolean enabled() {
        return ttlNanos > 0 && maxEntries > 0;
    }

    /** The value remembered for this token, or {@code null} when there is none or it has run out. */
    V find(String token) {
        String key = key(token);
        synchronized (entries) {
            Entry<V> entry = entries.get(key);
            if (entry == null) {
                return null;
            }
            if (epochMillis.getAsLong() >= entry.notAfterEpochMillis()
                    || nanoTime.getAsLong() - entry.ttlEndNanos() >= 0) {
                entries.remove(key);
                return null;
            }
            return entry.value();
        }
    }

    /** Remembers a verified token until {@code notAfterEpochMillis} (exclusive) or the TTL, whichever comes first. */
    void remember(String token, V value, long notAfterEpochMillis) {
        if (!enabled() || epochMillis.getAsLong() >= notAfterEpochMillis) {
            return;
        }
        String key = key(token);
        Entry<V> entry = new Entry<>(value, notAfterEpochMillis, nanoTime.getAsLong() + ttlNanos);
        synchronized (entries) {
            entries.put(key, entry);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** The keys held now, for tests. */
    List<String> keys() {
        synchronized (entries) {
            return List.copyOf(entries.keySet());
        }
    }

    static String key(String token) {
        return HexFormat.of().formatHex(VerifiedSecrets.digest(token));
    }
}
