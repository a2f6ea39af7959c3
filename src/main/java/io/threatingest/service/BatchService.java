package io.threatingest.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;
import io.threatingest.domain.FlatSubmission;
import io.threatingest.http.error.ErrorKind;
import io.threatingest.messaging.BrokerUnavailableException;
import io.vertx.core.Context;

/**
 * Batches of entity trees: each item validated alone, the valid ones packed into events
 * ({@code ingest.batch.trees-per-event} trees, at most {@code ingest.batch.max-event-size} bytes) and published
 * pipelined on the link; the answer reports every item.
 */
@ApplicationScoped
public class BatchService {

    private final IngestService ingest;
    private final SubmissionMetrics metrics;
    private final int maxItems;
    private final int treesPerEvent;
    private final long maxEventSize;
    private final int window;

    public BatchService(IngestService ingest, IngestConfig config, SubmissionMetrics metrics) {
        this.ingest = ingest;
        this.metrics = metrics;
        this.maxItems = config.limits().maxBatchItems();
        this.treesPerEvent = config.batch().treesPerEvent();
        this.maxEventSize = config.batch().maxEventSize().asLongValue();
        this.window = config.batch().publishWindow();
    }

    /** A new, empty batch for this caller; with {@code refang}, defanged indicators are restored first. */
    public Batch start(Caller caller, boolean refang) {
        return start(caller, refang, true);
    }

    /** A new, empty batch; {@code screen} false skips screening (a trusted source's {@code ?screen=false}). */
    public Batch start(Caller caller, boolean refang, boolean screen) {
        return new Batch(submission -> ingest.validate(submission, caller, screen), caller, maxItems, refang);
    }

    /**
     * Publishes the valid items (none in a dry run) and reports every item in order. Atomic: nothing is published
     * unless every item is valid, and then all travel in one event, so that the broker takes all or none. Sorting
     * the items into packs and reporting on each grow with the batch, so they run off the event loop; only the sends
     * go on from it.
     */
    public Uni<List<BatchOutcome>> publish(Batch batch, boolean atomic, boolean dryRun) {
        return OffLoop.run(() -> plan(batch, atomic, dryRun))
                .flatMap(plan -> plan.outcomes() != null ? Uni.createFrom().item(plan.outcomes()) : send(plan));
    }

    /** The packs to send, or, when nothing is to be sent, every item's outcome already. */
    private record Plan(List<BatchItem> items, Caller caller, List<List<BatchItem>> packs,
            List<BatchOutcome> outcomes) {
    }

    private Plan plan(Batch batch, boolean atomic, boolean dryRun) {
        assert !Context.isOnEventLoopThread() : "a batch is planned off the event loop";
        List<BatchItem> items = batch.items();
        List<BatchItem> toSend = new ArrayList<>(items.size());
        BatchItem firstInvalid = null;
        for (BatchItem item : items) {
            if (!item.valid()) {
                firstInvalid = firstInvalid == null ? item : firstInvalid;
            } else if (!item.submission().nothingPublished()) {
                // a tree screening dropped whole is accepted with nothing to publish
                toSend.add(item);
            }
        }
        if (dryRun || toSend.isEmpty() || (atomic && firstInvalid != null)) {
            BatchItemError heldBack = atomic && firstInvalid != null && !dryRun
                    ? new BatchItemError(ErrorKind.NOT_PUBLISHED, "not published: the batch is atomic and item "
                            + firstInvalid.index() + " is invalid", null)
                    : null;
            List<BatchOutcome> outcomes = new ArrayList<>(items.size());
            for (BatchItem item : items) {
                outcomes.add(unpublished(item, heldBack));
            }
            if (!dryRun) {
                metrics.batchItems(outcomes);
            }
            return new Plan(items, batch.caller(), List.of(), outcomes);
        }
        return new Plan(items, batch.caller(), atomic ? List.of(toSend) : packs(toSend), null);
    }

    private Uni<List<BatchOutcome>> send(Plan plan) {
        return Multi.createFrom().iterable(plan.packs())
                .onItem().transformToUni(pack -> send(pack, plan.caller())).merge(window)
                .collect().asList()
                .flatMap(sent -> OffLoop.run(() -> {
                    for (Sent pack : sent) {
                        if (pack.failure() == null) {
                            metrics.accepted(pack.pack().stream().map(BatchItem::submission).toList());
                        }
                    }
                    List<BatchOutcome> outcomes = outcomes(plan.items(), sent);
                    metrics.batchItems(outcomes);
                    return outcomes;
                }));
    }

    private static BatchOutcome unpublished(BatchItem item, BatchItemError heldBack) {
        if (!item.valid()) {
            return new BatchOutcome(item, BatchOutcome.Status.REJECTED, null, item.error());
        }
        return heldBack == null
                ? new BatchOutcome(item, BatchOutcome.Status.ACCEPTED, null, null)
                : new BatchOutcome(item, BatchOutcome.Status.REJECTED, null, heldBack);
    }

    /** Consecutive valid items, closed at the tree count or before the size bound would be passed. */
    List<List<BatchItem>> packs(List<BatchItem> valid) {
        List<List<BatchItem>> packs = new ArrayList<>();
        List<BatchItem> current = new ArrayList<>();
        long size = 0;
        for (BatchItem item : valid) {
            long treeSize = EventSize.bound(item.submission());
            if (!current.isEmpty() && (current.size() >= treesPerEvent || size + treeSize > maxEventSize)) {
                packs.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(item);
            size += treeSize;
        }
        if (!current.isEmpty()) {
            packs.add(current);
        }
        return packs;
    }

    private record Sent(List<BatchItem> pack, String submissionId, BrokerUnavailableException failure) {
    }

    /**
     * A pack's event (up to {@code ingest.batch.max-event-size} of JSON) is built and serialised on a worker of the
     * request's context, one pack of the request at a time: {@link #publish} is called on the event loop once the
     * body is read, and later packs go on from the broker's settlement of earlier ones, on the event loop too. The
     * send itself then goes on from the request's context.
     */
    private Uni<Sent> send(List<BatchItem> pack, Caller caller) {
        List<FlatSubmission> trees = pack.stream().map(BatchItem::submission).toList();
        List<Integer> indexes = pack.stream().map(BatchItem::index).toList();
        return OffLoop.runInTurn(() -> ingest.publishPack(trees, indexes, caller)).flatMap(publish -> publish)
                .map(id -> new Sent(pack, id, null))
                .onFailure(BrokerUnavailableException.class)
                .recoverWithItem(failure -> new Sent(pack, null, (BrokerUnavailableException) failure));
    }

    private static List<BatchOutcome> outcomes(List<BatchItem> items, List<Sent> sent) {
        BatchOutcome[] outcomes = new BatchOutcome[items.size()];
        for (Sent pack : sent) {
            for (BatchItem item : pack.pack()) {
                outcomes[item.index()] = pack.failure() == null
                        ? new BatchOutcome(item, BatchOutcome.Status.ACCEPTED, pack.submissionId(), null)
                        : new BatchOutcome(item, BatchOutcome.Status.UNAVAILABLE, null, new BatchItemError(
                                ErrorKind.BROKER_UNAVAILABLE,
                                "the broker did not take this item; retry it", null));
            }
        }
        for (BatchItem item : items) {
            if (outcomes[item.index()] == null) {
                outcomes[item.index()] = item.valid()
                        ? new BatchOutcome(item, BatchOutcome.Status.ACCEPTED, null, null)
                        : new BatchOutcome(item, BatchOutcome.Status.REJECTED, null, item.error());
            }
        }
        return List.of(outcomes);
    }
}
