package io.threatingest.service;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;
import io.threatingest.domain.CommentText;
import io.threatingest.domain.ScreeningMatch;
import io.threatingest.domain.SubmissionException;
import io.threatingest.domain.SubmissionFlattener;
import io.threatingest.domain.Uuid7;
import io.threatingest.domain.value.GoText;
import io.threatingest.domain.value.InvalidValueException;
import io.threatingest.domain.value.UuidNormaliser;
import io.threatingest.messaging.EventChannel;
import io.threatingest.messaging.EventPublisher;
import io.threatingest.messaging.event.CommentSubmittedEvent;
import io.threatingest.screening.Screener;

/** Comments on entities, each with a service-generated time-ordered id. */
@ApplicationScoped
public class CommentService {

    private final EventPublisher events;
    private final int maxVisibleBy;

    private final Screener screener;

    public CommentService(EventPublisher events, IngestConfig config, Screener screener) {
        this.screener = screener;
        this.events = events;
        this.maxVisibleBy = config.limits().maxVisibleBy();
    }

    /**
     * Publishes the comment; the {@code Uni} completes once the broker holds it. A dry run validates only and
     * publishes nothing (the result has no id), and so does a comment on an entity that a screening list drops.
     */
    public Uni<Commented> comment(String entityID, EntityRef entity, String text, String parentID,
            List<String> visibleBy, Caller caller, boolean dryRun, boolean screen) {
        List<ScreeningMatch> screened = new ArrayList<>();
        Uni<CommentSubmittedEvent> validated = Uni.createFrom().item(() -> {
            String target = AssociationService.resolve(entityID, entity, "entityID", "entity");
            if (screen) {
                screened.addAll(ReferenceScreening.screen(screener, entity, "/entity"));
            }
            String comment = CommentText.normalise(text, "/comment");
            String parent = parentID == null ? CommentSubmittedEvent.NO_PARENT : parent(parentID);
            List<String> groups = SubmissionFlattener.visibleBy(visibleBy, caller.visibility(), maxVisibleBy,
                    "/visibleBy");
            Instant now = Instant.now();
            return new CommentSubmittedEvent(Uuid7.next(now.toEpochMilli()).toString(),
                    DateTimeFormatter.ISO_INSTANT.format(now), caller.userId(), caller.groups(), target, comment,
                    parent, groups, ReferenceScreening.forEvent(screened));
        });
        if (dryRun) {
            return validated.map(event -> new Commented(null, event.entityID(), screened));
        }
        return validated
                .flatMap(event -> ReferenceScreening.dropped(screened)
                        ? Uni.createFrom().item(new Commented(null, event.entityID(), screened))
                        : events.publish(EventChannel.COMMENTS, CommentSubmittedEvent.TYPE, event.id(),
                                event.receivedAt(),
                                event.entityID(), event)
                                .replaceWith(new Commented(event.id(), event.entityID(), screened)));
    }

    /** An accepted comment: its id (UUID version 7; none when nothing was published) and the entity it is about. */
    public record Commented(String id, String entityID, List<ScreeningMatch> screened) {
    }

    private static String parent(String parentID) {
        try {
            return UuidNormaliser.canonical(GoText.lower(parentID));
        } catch (InvalidValueException e) {
            throw new SubmissionException("/parentID", "parentID must be a UUID: " + e.getMessage());
        }
    }
}
