package io.threatingest.service;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where scan tasks live. The in-memory default is correct for one instance; several replicas need a shared
 * implementation (they would otherwise each create a task for the same target).
 */
public interface ScanTaskStore {

    /** The outcome of {@link #claim}: the task for the target and whether it was created by this call. */
    record Claim(ScanTask task, boolean created) {
    }

    /**
     * Atomically returns the task that a request for this target should see (one that is unfinished or
     * finished recently), or stores {@code candidate} as the new task for the target.
     */
    Claim claim(ScanTask candidate, Instant now);

    Optional<ScanTask> get(String id);

    /** Applies a change to a task atomically; empty when the task is unknown. */
    Optional<ScanTask> update(String id, UnaryOperator<ScanTask> change);

    /** Forgets a task that was never published. */
    void remove(String id);
}
