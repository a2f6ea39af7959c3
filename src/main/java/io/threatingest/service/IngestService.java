package io.threatingest.service;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;
import io.threatingest.domain.EntitySubmission;
import io.threatingest.domain.FlatEntity;
import io.threatingest.domain.FlatSubmission;
import io.threatingest.domain.RefangedSubmission;
import io.threatingest.domain.Refanger;
import io.threatingest.domain.ScreeningMatch;
import io.threatingest.domain.SubmissionException;
import io.threatingest.domain.SubmissionFlattener;
import io.threatingest.domain.SubmissionLimits;
import io.threatingest.domain.value.NormalisedValue;
import io.threatingest.messaging.EventChannel;
import io.threatingest.messaging.EventPublisher;
import io.threatingest.messaging.event.EntitySubmittedEvent;
import io.threatingest.messaging.event.EventEntity;
import io.threatingest.messaging.event.EventRelation;
import io.threatingest.messaging.event.EventScreening;
import io.threatingest.screening.Screener;
import io.vertx.core.Context;

/** Entity submissions: validate and flatten the tree, then publish it as one event. */
@ApplicationScoped
public class IngestService {

    private final EventPublisher events;
    private final SubmissionLimits limits;
    private final SubmissionMetrics metrics;
    private final Screener screener;

    public IngestService(EventPublisher events, IngestConfig config, SubmissionMetrics metrics, Screener screener) {
        this.events = events;
        this.screener = screener;
        this.metrics = metrics;
        this.limits = limits(config.limits());
    }

    /** The configured bounds, in the domain's terms. */
    public static SubmissionLimits limits(IngestConfig.Limits config) {
        return new SubmissionLimits(config.maxAssociationDepth(), config.maxEntities(), config.maxAttributes(),
                config.maxTags(), config.maxVisibleBy(), config.maxCorrelate());
    }

    /** Validates, flattens and screens without publishing anything. */
    public FlatSubmission validate(EntitySubmission submission, Caller caller) {
        return validate(submission, caller, true);
    }

    /**
     * Validates and flattens, then, with {@code screen}, screens the tree against the lists in force (a list whose
     * action is refuse fails it with a {@link SubmissionException}); publishes nothing.
     */
    public FlatSubmission validate(EntitySubmission submission, Caller caller, boolean screen) {
        FlatSubmission flat = SubmissionFlattener.flatten(submission, caller.visibility(), limits);
        return screen ? screener.screen(flat, "") : flat;
    }

    /**
     * Refangs the tree when asked ({@link Refanger}), then validates it; publishes nothing. Invalid input fails
     * with a {@link SubmissionException}.
     */
    public CheckedSubmission check(EntitySubmission submission, Caller caller, boolean refang) {
        return check(submission, caller, refang, true);
    }

    /** {@link #check(EntitySubmission, Caller, boolean)}, screening the tree unless {@code screen} is false. */
    public CheckedSubmission check(EntitySubmission submission, Caller caller, boolean refang, boolean screen) {
        if (!refang) {
            return new CheckedSubmission(validate(submission, caller, screen), null);
        }
        RefangedSubmission refanged = Refanger.refang(submission);
        return new CheckedSubmission(validate(refanged.submission(), caller, screen), refanged.changes());
    }

    /**
     * {@link #check} with the rules of a well-known entity first (see {@link #ingestWellKnown}); a trusted entity is
     * not screened.
     */
    public CheckedSubmission checkWellKnown(EntitySubmission submission, Caller caller, boolean refang) {
        if (submission.associations() != null && !submission.associations().isEmpty()) {
            throw new SubmissionException("/associations", "a well-known entity is submitted alone");
        }
        if (submission.correlate() != null && !submission.correlate().isEmpty()) {
            throw new SubmissionException("/correlate", "a well-known entity is submitted alone");
        }
        if (submission.reputation() != null && submission.reputation() < 0) {
            throw new SubmissionException("/reputation", "a well-known entity cannot have a negative reputation");
        }
        return check(submission, caller, refang, false);
    }

    /**
     * Checks, then publishes. The {@code Uni} completes once the broker holds the event; it fails with a
     * {@link SubmissionException} for invalid input and a broker failure when the event is not held.
     */
    public Uni<IngestResult> ingest(EntitySubmission submission, Caller caller, boolean refang) {
        return ingest(submission, caller, refang, true);
    }

    /** {@link #ingest(EntitySubmission, Caller, boolean)}, screening the tree unless {@code screen} is false. */
    public Uni<IngestResult> ingest(EntitySubmission submission, Caller caller, boolean refang, boolean screen) {
        return Uni.createFrom().item(() -> check(submission, caller, refang, screen))
                .flatMap(checked -> publish(checked, caller, false));
    }

    /**
     * A well-known (trusted) entity: one entity, marked {@code wellKnown} in its event, that may never carry a
     * negative reputation. Associations and correlation are not part of this endpoint and are refused rather
     * than dropped.
     */
    public Uni<IngestResult> ingestWellKnown(EntitySubmission submission, Caller caller, boolean refang) {
        return Uni.createFrom().item(() -> checkWellKnown(submission, caller, refang))
                .flatMap(checked -> publish(checked, caller, true));
    }

    /**
     * Publishes several validated trees of a batch as one event; completes once the broker holds it. The caller
     * counts the accepted entities (off the event loop, with the batch's outcomes).
     */
    public Uni<String> publishPack(List<FlatSubmission> trees, List<Integer> items, Caller caller) {
        assert !Context.isOnEventLoopThread() : "a pack's event is built off the event loop (BatchService.send)";
        String submissionId = UUID.randomUUID().toString();
        EntitySubmittedEvent event = toEvent(submissionId, Instant.now(), caller, trees, items);
        return events
                .publish(EventChannel.ENTITIES, EntitySubmittedEvent.TYPE, submissionId, event.receivedAt(),
                        event.rootId(), event)
                .replaceWith(submissionId);
    }

    private Uni<IngestResult> publish(CheckedSubmission checked, Caller caller, boolean wellKnown) {
        FlatSubmission flat = checked.submission();
        if (flat.nothingPublished()) {
            // every entity was dropped by screening: there is nothing to publish
            return Uni.createFrom().item(new IngestResult(null, flat, checked.refanged()));
        }
        String submissionId = UUID.randomUUID().toString();
        EntitySubmittedEvent event = toEvent(submissionId, Instant.now(), caller, wellKnown, flat);
        return events
                .publish(EventChannel.ENTITIES, EntitySubmittedEvent.TYPE, submissionId, event.receivedAt(),
                        event.rootId(), event)
                .invoke(() -> metrics.accepted(flat))
                .replaceWith(new IngestResult(submissionId, flat, checked.refanged()));
    }

    public static EntitySubmittedEvent toEvent(String submissionId, Instant receivedAt, Caller caller,
            boolean wellKnown, FlatSubmission flat) {
        return new EntitySubmittedEvent(submissionId, DateTimeFormatter.ISO_INSTANT.format(receivedAt),
                caller.userId(), caller.groups(), wellKnown, flat.root().id(), eventEntities(flat, wellKnown),
                eventRelations(flat), List.of(flat.root().id()), null);
    }

    /** One event for several trees of a batch: their entities and relations one tree after the other. */
    public static EntitySubmittedEvent toEvent(String submissionId, Instant receivedAt, Caller caller,
            List<FlatSubmission> trees, List<Integer> items) {
        List<EventEntity> entities = new ArrayList<>();
        List<EventRelation> relations = new ArrayList<>();
        List<String> roots = new ArrayList<>(trees.size());
        for (FlatSubmission tree : trees) {
            entities.addAll(eventEntities(tree, false));
            relations.addAll(eventRelations(tree));
            roots.add(tree.root().id());
        }
        return new EntitySubmittedEvent(submissionId, DateTimeFormatter.ISO_INSTANT.format(receivedAt),
                caller.userId(), caller.groups(), false, roots.get(0), entities, relations, roots, items);
    }

    private static List<EventEntity> eventEntities(FlatSubmission flat, boolean wellKnown) {
        if (flat.screened().isEmpty()) {
            return flat.entities().stream().map(e -> toEventEntity(e, wellKnown, List.of())).toList();
        }
        Set<String> dropped = flat.dropped();
        Map<String, List<EventScreening>> screenedById = new HashMap<>();
        for (ScreeningMatch match : flat.screened()) {
            screenedById.computeIfAbsent(match.id(), id -> new ArrayList<>())
                    .add(new EventScreening(match.list(), match.name(), match.action().wireName()));
        }
        List<EventEntity> entities = new ArrayList<>(flat.entities().size());
        for (FlatEntity entity : flat.entities()) {
            if (!dropped.contains(entity.id())) {
                entities.add(toEventEntity(entity, wellKnown, screenedById.getOrDefault(entity.id(), List.of())));
            }
        }
        return entities;
    }

    private static List<EventRelation> eventRelations(FlatSubmission flat) {
        Set<String> dropped = flat.dropped();
        return flat.relations().stream()
                .filter(r -> dropped.isEmpty()
                        || (!dropped.contains(r.entityID()) && !dropped.contains(r.relatedEntityID())))
                .map(r -> new EventRelation(r.entityID(), r.relatedEntityID(), r.mode().wireName()))
                .toList();
    }

    private static EventEntity toEventEntity(FlatEntity entity, boolean wellKnown, List<EventScreening> screened) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, NormalisedValue> attribute : entity.attributes().entrySet()) {
            attributes.put(attribute.getKey(), attribute.getValue().value());
        }
        return new EventEntity(entity.id(), entity.type(), entity.value().value(), attributes, entity.reputation(),
                entity.tags(), entity.visibleBy(), wellKnown, screened);
    }
}
