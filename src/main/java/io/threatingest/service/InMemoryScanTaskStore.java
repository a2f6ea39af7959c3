package io.threatingest.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import io.threatingest.config.IngestConfig;

/**
 * Scan tasks in memory, for one instance: bounded ({@code ingest.scan.max-tasks}) and expiring (finished tasks
 * after the reuse window, unfinished ones after the retention). One lock keeps claim-or-create atomic.
 */
@ApplicationScoped
public class InMemoryScanTaskStore implements ScanTaskStore {

    private final Duration reuseWindow;
    private final Duration retention;
    private final int maxTasks;
    private final Map<String, ScanTask> byId = new HashMap<>();
    private final Map<String, String> idByTarget = new HashMap<>();

    public InMemoryScanTaskStore(IngestConfig config) {
        this.reuseWindow = config.scan().reuseWindow();
        this.retention = config.scan().retention();
        this.maxTasks = config.scan().maxTasks();
    }

    @Override
    public synchronized Claim claim(ScanTask candidate, Instant now) {
        String existingId = idByTarget.get(candidate.target());
        ScanTask existing = existingId == null ? null : byId.get(existingId);
        if (existing != null && existing.reusable(now, reuseWindow)) {
            return new Claim(existing, false);
        }
        if (existing != null) {
            byId.remove(existing.id());
        }
        makeRoom(now);
        byId.put(candidate.id(), candidate);
        idByTarget.put(candidate.target(), candidate.id());
        return new Claim(candidate, true);
    }

    @Override
    public synchronized Optional<ScanTask> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<ScanTask> update(String id, UnaryOperator<ScanTask> change) {
        ScanTask task = byId.get(id);
        if (task == null) {
            return Optional.empty();
        }
        ScanTask changed = change.apply(task);
        byId.put(id, changed);
        return Optional.of(changed);
    }

    @Override
    public synchronized void remove(String id) {
        ScanTask task = byId.remove(id);
        if (task != null) {
            idByTarget.remove(task.target(), id);
        }
    }

    /** Drops expired tasks, then the oldest ones while the store is full. */
    private void makeRoom(Instant now) {
        if (byId.size() < maxTasks) {
            return;
        }
        byId.values().removeIf(task -> expired(task, now));
        while (byId.size() >= maxTasks) {
            ScanTask oldest = byId.values().stream()
                    .min(Comparator.comparing((ScanTask t) -> t.status() != ScanStatus.DONE)
                            .thenComparing(ScanTask::createdAt))
                    .orElseThrow();
            byId.remove(oldest.id());
        }
        idByTarget.values().removeIf(id -> !byId.containsKey(id));
    }

    private boolean expired(ScanTask task, Instant now) {
        return task.status() == ScanStatus.DONE ? !task.reusable(now, reuseWindow)
                : task.createdAt().plus(retention).isBefore(now);
    }
}
