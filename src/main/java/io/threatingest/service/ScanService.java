package io.threatingest.service;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Section;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;
import io.threatingest.domain.ScanTarget;
import io.threatingest.domain.SubmissionException;
import io.threatingest.messaging.BrokerConnection;
import io.threatingest.messaging.EventPublisher;
import io.threatingest.messaging.event.ScanRequestedEvent;
import io.vertx.amqp.AmqpMessage;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Scan tasks: one per normalised target while it runs and for the reuse window after it finished. New tasks
 * go to the scanner workers through the broker; their progress comes back on the status address.
 */
@ApplicationScoped
public class ScanService {

    private static final Logger LOG = Logger.getLogger(ScanService.class);
    private static final java.time.Duration LOOKUP_TIMEOUT = java.time.Duration.ofSeconds(5);

    /** The answer to a scan request: the task, and whether this request created it. */
    public record Outcome(ScanTask task, boolean created) {
    }

    private final ScanTaskStore store;
    private final EventPublisher events;
    private final BrokerConnection broker;
    private final WebhookCaller webhooks;
    private final Vertx vertx;
    private final IngestConfig.Addresses addresses;

    public ScanService(ScanTaskStore store, EventPublisher events, BrokerConnection broker, WebhookCaller webhooks,
            Vertx vertx, IngestConfig config) {
        this.store = store;
        this.events = events;
        this.broker = broker;
        this.webhooks = webhooks;
        this.vertx = vertx;
        this.addresses = config.addresses();
    }

    void listen(@Observes StartupEvent event) {
        broker.subscribe(addresses.scanStatus(), this::onStatus);
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

    /** A scanner's report: {@code {"id":…, "status":"queued"|"running"|"done", …}}. Bad reports are rejected. */
    void onStatus(AmqpMessage message) {
        JsonObject report;
        try {
            report = new JsonObject(body(message));
        } catch (RuntimeException malformed) {
            LOG.warnf("Rejected a scan status message that is not a JSON object (message-id %s)", message.id());
            message.rejected();
            return;
        }
        Object id = report.getValue("id");
        ScanStatus status = report.getValue("status") instanceof String name ? ScanStatus.reported(name) : null;
        if (!(id instanceof String taskId) || status == null) {
            LOG.warnf("Rejected a scan status message without a valid id and status (message-id %s)", message.id());
            message.rejected();
            return;
        }
        Instant now = Instant.now();
        boolean[] dispatch = new boolean[1];
        var updated = store.update(taskId, task -> {
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
            LOG.warnf("Rejected a scan status for unknown task %s", taskId);
            message.rejected();
            return;
        }
        message.accepted();
        if (dispatch[0]) {
            webhooks.notifyDone(updated.get());
        }
    }

    private static String body(AmqpMessage message) {
        Section body = message.unwrap().getBody();
        if (body instanceof Data data) {
            Binary binary = data.getValue();
            return new String(binary.getArray(), binary.getArrayOffset(), binary.getLength(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        if (body instanceof AmqpValue value && value.getValue() instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("no text body");
    }
}
