package io.threatingest.service;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;
import io.threatingest.domain.EntityReference;
import io.threatingest.domain.RelationMode;
import io.threatingest.domain.ScreeningMatch;
import io.threatingest.domain.SubmissionException;
import io.threatingest.messaging.EventChannel;
import io.threatingest.messaging.EventPublisher;
import io.threatingest.messaging.event.AssociationSubmittedEvent;
import io.threatingest.screening.Screener;

/** Links two existing entities. Whether they exist is for the store behind the broker to know. */
@ApplicationScoped
public class AssociationService {

    private final EventPublisher events;
    private final Screener screener;

    public AssociationService(EventPublisher events, IngestConfig config, Screener screener) {
        this.events = events;
        this.screener = screener;
    }

    /**
     * Publishes the link; the {@code Uni} completes once the broker holds it. A dry run validates only and
     * publishes nothing (the result has no submission id), and so does a link to an entity that a screening list
     * drops.
     */
    public Uni<Linked> link(String entityID, EntityRef entity, String relatedEntityID, EntityRef relatedEntity,
            String mode, Caller caller, boolean dryRun, boolean screen) {
        List<ScreeningMatch> screened = new ArrayList<>();
        Uni<AssociationSubmittedEvent> validated = Uni.createFrom().item(() -> {
            String from = resolve(entityID, entity, "entityID", "entity");
            String to = resolve(relatedEntityID, relatedEntity, "relatedEntityID", "relatedEntity");
            if (screen) {
                screened.addAll(ReferenceScreening.screen(screener, entity, "/entity"));
                screened.addAll(ReferenceScreening.screen(screener, relatedEntity, "/relatedEntity"));
            }
            RelationMode relationMode = RelationMode.fromRequest(mode);
            if (relationMode == null) {
                throw new SubmissionException("/mode",
                        "mode must be 'aggregation' or 'association', got '" + mode + "'");
            }
            return new AssociationSubmittedEvent(UUID.randomUUID().toString(),
                    DateTimeFormatter.ISO_INSTANT.format(Instant.now()), caller.userId(), caller.groups(), from, to,
                    relationMode.wireName(), caller.groups(), ReferenceScreening.forEvent(screened));
        });
        if (dryRun) {
            return validated.map(event -> new Linked(null, event.entityID(), event.relatedEntityID(), event.mode(),
                    screened));
        }
        return validated.flatMap(event -> ReferenceScreening.dropped(screened)
                ? Uni.createFrom().item(new Linked(null, event.entityID(), event.relatedEntityID(), event.mode(),
                        screened))
                : events.publish(EventChannel.ASSOCIATIONS, AssociationSubmittedEvent.TYPE, event.submissionId(),
                        event.receivedAt(), event.entityID(), event)
                        .replaceWith(
                                new Linked(event.submissionId(), event.entityID(), event.relatedEntityID(),
                                        event.mode(),
                                        screened)));
    }

    /**
     * An accepted link, by entity IDs, with what screening matched in its {@code {type, value}} references; no
     * submission id when nothing was published.
     */
    public record Linked(String submissionId, String entityID, String relatedEntityID, String mode,
            List<ScreeningMatch> screened) {
    }

    static String resolve(String id, EntityRef ref, String idField, String objectField) {
        return EntityReference.resolve(id, ref == null ? null : ref.type(), ref == null ? null : ref.value(),
                ref != null, "", idField, objectField);
    }
}
