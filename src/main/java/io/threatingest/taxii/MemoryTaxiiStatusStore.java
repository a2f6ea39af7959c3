package io.threatingest.taxii;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

import io.smallrye.mutiny.Uni;

/** Statuses in this process: at most {@code maxEntries}, the oldest forgotten first, each for the retention. */
public final class MemoryTaxiiStatusStore implements TaxiiStatusStore {

    private record Entry(String owner, TaxiiStatus status, Instant expiresAt) {
    }

    private final Duration retention;
    private final int maxEntries;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> byId = new LinkedHashMap<>();

    public MemoryTaxiiStatusStore(Duration retention, int maxEntries, Clock clock) {
        this.retention = retention;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public synchronized Uni<Void> put(String owner, TaxiiStatus status) {
        Instant now = clock.instant();
        // insertion order is expiry order: every entry lives as long
        for (Iterator<Entry> oldest = byId.values().iterator(); oldest.hasNext();) {
            Entry entry = oldest.next();
            if (entry.expiresAt().isAfter(now) && byId.size() < maxEntries) {
                break;
            }
            oldest.remove();
        }
        byId.put(status.id(), new Entry(owner, status, now.plus(retention)));
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<Optional<TaxiiStatus>> get(String owner, String id) {
        Entry entry = byId.get(id);
        boolean visible = entry != null && entry.owner().equals(owner) && entry.expiresAt().isAfter(clock.instant());
        return Uni.createFrom().item(visible ? Optional.of(entry.status()) : Optional.empty());
    }
}
