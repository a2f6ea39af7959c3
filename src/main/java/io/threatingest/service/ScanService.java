package io.threatingest.service;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;
import io.threatingest.domain.ScanTarget;
import io.threatingest.domain.SubmissionException;
import io.threatingest.messaging.EventPublisher;
import io.threatingest.messaging.event.ScanRequestedEvent;
import io.vertx.core.Vertx;

/**
 * Scan tasks: one per normalised target while it runs and for the reuse window after it finished. New tasks
 * go to the scanner workers through the broker; their progress comes back on the status address.
 */
@ApplicationScoped
public class ScanService {

    private static final java.time.Duration LOOKUP_TIMEOUT = java.time.Duration.ofSeconds(5);

    /** The answer to a scan request: the task, and whether this request created it. */
    public record Outcome(ScanTask task, boolean created) {
    }

    /** What becomes of a scanner's report: applied (the broker accepts it), or refused (dead-lettered). */
    public enum ReportOutcome {
        APPLIED, UNKNOWN_STATUS, UNKNOWN_TASK;

        public boolean accepted() {
            return this == APPLIED;
        }
    }

    private final ScanTaskStore store;
    private final EventPublisher events;
    private final WebhookCaller webhooks;
    private final Vertx vertx;
    private final IngestConfig.Addresses addresses;

    public ScanService(ScanTaskStore store, EventPublisher events, WebhookCaller webhooks, Vertx vertx,
            IngestConfig config) {
        this.store = store;
        this.events = events;
        this.webhooks = webhooks;
        this.vertx = vertx;
        this.addresses = config.addresses();
    }

    public Uni<Outcome> submit(String rawTarget, ScanTask.Webhook webhook, Caller caller) {
        ScanTarget target;
        try {
            target = ScanTarget.of(rawTarget, "/target");
            if (webhook != null) {
                webhooks.policy().check(webhook);
            }
        } catch (SubmissionException e) {
            return Uni.createFrom().failure(e);
        }
        return checkWebhookHost(webhook).chain(() -> claim(target, webhook, caller));
    }

    /** The DNS lookup blocks: on a worker thread. */
    private Uni<Void> checkWebhookHost(ScanTask.Webhook webhook) {
        if (webhook == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().completionStage(() -> vertx.<Void>executeBlocking(() -> {
            webhooks.policy().resolve(java.net.URI.create(webhook.url()).getHost());
            return null;
        }, false).toCompletionStage())
                .ifNoItem().after(LOOKUP_TIMEOUT).failWith(() -> new SubmissionException("/webhook/url",
                        "webhook host lookup did not answer within " + LOOKUP_TIMEOUT.toSeconds() + " s"));
    }

    private Uni<Outcome> claim(ScanTarget target, ScanTask.Webhook webhook, Caller caller) {
        Instant now = Instant.now();
        ScanTask candidate = new ScanTask(UUID.randomUUID().toString(), target.value(), target.kind(),
                ScanStatus.NEW, now, null, webhook, false);
        ScanTaskStore.Claim claim = store.claim(candidate, now);
        if (!claim.created()) {
            return Uni.createFrom().item(new Outcome(claim.task(), false));
        }
        String time = DateTimeFormatter.ISO_INSTANT.format(now);
        ScanRequestedEvent event = new ScanRequestedEvent(candidate.id(), target.value(), target.kind(), time,
                caller.userId(), caller.groups());
        return events.publish(addresses.scans(), ScanRequestedEvent.TYPE, candidate.id(), time, target.value(), event)
                .onFailure().invoke(failure -> store.remove(candidate.id()))
                .replaceWith(new Outcome(candidate, true));
    }

    /**
     * Applies a scanner's report. A task only moves forward; a report naming an unknown status or task is refused,
     * and the messaging layer has the broker dead-letter it.
     */
    public Uni<ReportOutcome> apply(ScanStatusReport report) {
        return Uni.createFrom().item(() -> update(report));
    }

    private ReportOutcome update(ScanStatusReport report) {
        ScanStatus status = ScanStatus.reported(report.status());
        if (status == null) {
            return ReportOutcome.UNKNOWN_STATUS;
        }
        Instant now = Instant.now();
        boolean[] dispatch = new boolean[1];
        var updated = store.update(report.taskId(), task -> {
            if (status.ordinal() <= task.status().ordinal()) {
                return task;
            }
            ScanTask next = task.withStatus(status, now);
            if (status == ScanStatus.DONE && next.webhook() != null && !next.webhookDispatched()) {
                dispatch[0] = true;
                next = next.dispatched();
            }
            return next;
        });
        if (updated.isEmpty()) {
            return ReportOutcome.UNKNOWN_TASK;
        }
        if (dispatch[0]) {
            webhooks.notifyDone(updated.get());
        }
        return ReportOutcome.APPLIED;
    }
}
