package io.threatingest.scan;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;
import io.threatingest.config.NotConfiguredException;
import io.threatingest.domain.ScanTarget;
import io.threatingest.domain.SubmissionException;
import io.threatingest.messaging.EventChannel;
import io.threatingest.messaging.EventPublisher;
import io.threatingest.messaging.event.ScanRequestedEvent;
import io.threatingest.service.Caller;
import io.threatingest.state.SecretBox;
import io.threatingest.state.StateBackend;
import io.threatingest.state.StateBackendFailures;
import io.threatingest.state.StateUnavailableException;
import io.vertx.core.Vertx;

/**
 * Scan tasks: one per normalised target while it runs and for the reuse window after it finished, shared by every
 * replica when the state backend is Redis. New tasks go to the scanner workers through the broker; their progress
 * comes back on the status address, to whichever replica. The replica that applies the report finishing a task
 * takes its webhook call; if it stops before the call ends, another takes it over after the lease.
 */
@ApplicationScoped
public class ScanService {

    private static final Logger LOG = Logger.getLogger(ScanService.class);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

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
    private final Duration timeout;
    private final Duration lease;
    private final boolean webhooksEnabled;
    private final StateBackendFailures failures;
    private long sweeper = -1;

    public ScanService(StateBackend state, StateBackendFailures failures, ScanTaskStore store, EventPublisher events,
            WebhookCaller webhooks, Vertx vertx, IngestConfig config) {
        IngestConfig.Scan scan = config.scan();
        this.store = store;
        this.webhooksEnabled = scan.webhook().enabled();
        this.events = events;
        this.webhooks = webhooks;
        this.vertx = vertx;
        this.timeout = state.timeout();
        this.lease = scan.webhookLease();
        this.failures = failures;
    }

    /** Looks now and then for webhook calls that a stopped replica left unfinished. */
    void start(@Observes StartupEvent event) {
        long every = Math.max(1000, lease.toMillis() / 4);
        sweeper = vertx.setPeriodic(every, id -> stored(store.abandonedWebhooks(Instant.now()), "webhook-sweep")
                .subscribe().with(abandoned -> abandoned.forEach(task -> {
                    LOG.warnf("Taking over the webhook call of scan task %s, left unfinished by another replica",
                            task.id());
                    callWebhook(task);
                }), failure -> LOG.debugf("Webhook sweep skipped: %s", failure.getMessage())));
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(sweeper);
    }

    /**
     * Creates the task for the target, or returns the one that exists. {@code type}, when given, must agree with
     * the target ({@code ip} or {@code fqdn}).
     */
    public Uni<Outcome> submit(String rawTarget, String type, ScanTask.Webhook webhook, Caller caller) {
        return Uni.createFrom().item(() -> {
            ScanTarget target = ScanTarget.of(rawTarget, "/target");
            if (type != null && !type.equals(target.kind())) {
                throw new SubmissionException("/type", "type " + type + " does not match the target, which is "
                        + (target.kind().equals("ip") ? "an IP address (ip)" : "a domain name (fqdn)"));
            }
            if (webhook != null) {
                if (!webhooksEnabled) {
                    throw new NotConfiguredException("webhooks are switched off on this service "
                            + "(ingest.scan.webhook.enabled=false)", null);
                }
                webhooks.policy().check(webhook);
            }
            return target;
        }).flatMap(target -> checkWebhookHost(webhook).chain(() -> claim(target, webhook, caller)));
    }

    /** The task, while it is kept (retention, or the reuse window once done). */
    public Uni<Optional<ScanTask>> get(String id) {
        return stored(store.get(id), "scan-get");
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
        ScanTask candidate = ScanTask.create(UUID.randomUUID().toString(), target.value(), target.kind(), now, webhook);
        return stored(store.claim(candidate, now), "scan-claim").flatMap(claim -> {
            if (!claim.created()) {
                return Uni.createFrom().item(new Outcome(claim.task(), false));
            }
            String time = DateTimeFormatter.ISO_INSTANT.format(now);
            ScanRequestedEvent event = new ScanRequestedEvent(candidate.id(), target.value(), target.kind(), time,
                    caller.userId(), caller.groups());
            return events.publish(EventChannel.SCANS, ScanRequestedEvent.TYPE, candidate.id(), time, target.value(),
                    event)
                    .onFailure().call(failure -> store.remove(candidate.id()).onFailure().recoverWithNull())
                    .replaceWith(new Outcome(claim.task(), true));
        });
    }

    /**
     * Applies a scanner's report. A task only moves forward; a report naming an unknown status or task is refused,
     * and the messaging layer has the broker dead-letter it. Fails with {@link StateUnavailableException} when the
     * state backend cannot be asked (the report should then be delivered again later).
     */
    public Uni<ReportOutcome> apply(ScanStatusReport report) {
        ScanStatus status = ScanStatus.reported(report.status());
        if (status == null) {
            return Uni.createFrom().item(ReportOutcome.UNKNOWN_STATUS);
        }
        return stored(store.advance(report.taskId(), status, Instant.now()), "scan-report").map(advanced -> {
            if (advanced.isEmpty()) {
                return ReportOutcome.UNKNOWN_TASK;
            }
            if (advanced.get().callWebhook()) {
                callWebhook(advanced.get().task());
            }
            return ReportOutcome.APPLIED;
        });
    }

    private void callWebhook(ScanTask task) {
        webhooks.notifyDone(task, outcome -> stored(store.webhookEnded(task.id(), outcome), "webhook-outcome")
                .subscribe().with(done -> {
                }, failure -> LOG.warnf("Could not record the webhook outcome of scan task %s: %s", task.id(),
                        failure.getMessage())));
    }

    /**
     * A state-backend call bounded by the backend timeout; its failures are counted and become 503s (and reports are
     * handed back for a later delivery). Not so {@link SecretBox.Unopenable}: a sealed webhook this replica's
     * {@code ingest.state.secret-key} cannot open is a configuration fault that waiting would not mend.
     */
    private <T> Uni<T> stored(Uni<T> call, String operation) {
        return call.ifNoItem().after(timeout).fail()
                .onItem().invoke(failures::succeeded)
                .onFailure(failure -> !(failure instanceof SubmissionException)
                        && !(failure instanceof NotConfiguredException))
                .transform(failure -> {
                    failures.failed(operation, failure);
                    return new StateUnavailableException(StateUnavailableException.Store.SCAN_TASKS);
                });
    }
}
