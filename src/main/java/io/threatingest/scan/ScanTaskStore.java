package io.threatingest.scan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Where scan tasks live: in this process ({@link MemoryScanTaskStore}, one replica) or in the state backend
 * ({@link RedisScanTaskStore}), shared by every replica. Each operation is atomic wherever it runs, so that two
 * replicas never create two tasks for one target, never move a task backwards, and never both call its webhook.
 */
public interface ScanTaskStore {

    /** The outcome of {@link #claim}: the task for the target and whether it was created by this call. */
    record Claim(ScanTask task, boolean created) {
    }

    /**
     * The outcome of {@link #advance}: the task after the report, and whether this call took the webhook call (the
     * task just became {@code done} and has a webhook no one is calling yet).
     */
    record Advance(ScanTask task, boolean callWebhook) {
    }

    /**
     * Returns the task that a request for this target should see (one that is unfinished or finished within the
     * reuse window), or stores {@code candidate} as the new task for the target.
     */
    Uni<Claim> claim(ScanTask candidate, Instant now);

    Uni<Optional<ScanTask>> get(String id);

    /** Moves a task forward to {@code status} (never backwards); empty when the task is unknown or expired. */
    Uni<Optional<Advance>> advance(String id, ScanStatus status, Instant now);

    /** Records how the webhook call ended ({@code DELIVERED}, {@code REFUSED} or {@code FAILED}). */
    Uni<Void> webhookEnded(String id, ScanTask.WebhookState outcome);

    /**
     * Tasks whose webhook call was taken by a replica that did not report its end within the lease (it stopped or
     * crashed mid-call): each is taken again by this call, so the webhook is called at least once.
     */
    Uni<List<ScanTask>> abandonedWebhooks(Instant now);

    /** Forgets a task that was never published. */
    Uni<Void> remove(String id);
}
