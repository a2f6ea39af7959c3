package io.threatingest.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.threatingest.scan.ScanTask.WebhookState;

/**
 * Scan tasks in this process, for one replica: bounded ({@code ingest.scan.max-tasks}) and expiring (finished tasks
 * after the reuse window, unfinished ones after the retention). One lock makes every operation atomic.
 */
public final class MemoryScanTaskStore implements ScanTaskStore {

    private final Duration reuseWindow;
    private final Duration retention;
    private final Duration lease;
    private final int maxTasks;
    private final Map<String, ScanTask> byId = new HashMap<>();
    private final Map<String, String> idByTarget = new HashMap<>();
    private final Map<String, Instant> leases = new HashMap<>();

    public MemoryScanTaskStore(Duration reuseWindow, Duration retention, Duration lease, int maxTasks) {
        this.reuseWindow = reuseWindow;
        this.retention = retention;
        this.lease = lease;
        this.maxTasks = maxTasks;
    }

    @Override
    public synchronized Uni<Claim> claim(ScanTask candidate, Instant now) {
        String existingId = idByTarget.get(candidate.target());
        ScanTask existing = existingId == null ? null : byId.get(existingId);
        if (existing != null && existing.reusable(now, reuseWindow, retention)) {
            return Uni.createFrom().item(new Claim(existing, false));
        }
        if (existing != null) {
            byId.remove(existing.id());
        }
        makeRoom(now);
        byId.put(candidate.id(), candidate);
        idByTarget.put(candidate.target(), candidate.id());
        return Uni.createFrom().item(new Claim(candidate, true));
    }

    @Override
    public synchronized Uni<Optional<ScanTask>> get(String id) {
        ScanTask task = byId.get(id);
        return Uni.createFrom().item(task == null || !task.reusable(Instant.now(), reuseWindow, retention)
                ? Optional.empty()
                : Optional.of(task));
    }

    @Override
    public synchronized Uni<Optional<Advance>> advance(String id, ScanStatus status, Instant now) {
        ScanTask task = byId.get(id);
        if (task == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        if (status.ordinal() <= task.status().ordinal()) {
            return Uni.createFrom().item(Optional.of(new Advance(task, false)));
        }
        boolean call = status == ScanStatus.DONE && task.webhookState() == WebhookState.PENDING;
        ScanTask next = new ScanTask(task.id(), task.target(), task.targetKind(), status, task.createdAt(), now,
                status == ScanStatus.DONE ? now : task.finishedAt(), task.webhook(),
                call ? WebhookState.CALLING : task.webhookState());
        byId.put(id, next);
        if (call) {
            leases.put(id, now.plus(lease));
        }
        return Uni.createFrom().item(Optional.of(new Advance(next, call)));
    }

    @Override
    public synchronized Uni<Void> webhookEnded(String id, WebhookState outcome) {
        ScanTask task = byId.get(id);
        leases.remove(id);
        if (task != null) {
            byId.put(id, new ScanTask(task.id(), task.target(), task.targetKind(), task.status(), task.createdAt(),
                    task.updatedAt(), task.finishedAt(), task.webhook(), outcome));
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<List<ScanTask>> abandonedWebhooks(Instant now) {
        List<ScanTask> abandoned = new ArrayList<>();
        for (var lease : leases.entrySet()) {
            ScanTask task = byId.get(lease.getKey());
            if (task != null && !lease.getValue().isAfter(now)) {
                abandoned.add(task);
                lease.setValue(now.plus(this.lease));
            }
        }
        leases.keySet().removeIf(id -> !byId.containsKey(id));
        return Uni.createFrom().item(abandoned);
    }

    @Override
    public synchronized Uni<Void> remove(String id) {
        ScanTask task = byId.remove(id);
        if (task != null) {
            idByTarget.remove(task.target(), id);
        }
        return Uni.createFrom().voidItem();
    }

    /** Drops expired tasks, then the oldest ones while the store is full. */
    private void makeRoom(Instant now) {
        if (byId.size() < maxTasks) {
            return;
        }
        byId.values().removeIf(task -> !task.reusable(now, reuseWindow, retention));
        while (byId.size() >= maxTasks) {
            ScanTask oldest = byId.values().stream()
                    .min(Comparator.comparing((ScanTask t) -> t.status() != ScanStatus.DONE)
                            .thenComparing(ScanTask::createdAt))
                    .orElseThrow();
            byId.remove(oldest.id());
        }
        idByTarget.values().removeIf(id -> !byId.containsKey(id));
        leases.keySet().removeIf(id -> !byId.containsKey(id));
    }
}
