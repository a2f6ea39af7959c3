package io.threatingest.messaging.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A comment on an entity, from {@code POST /comment}.
 *
 * @param id the comment's UUIDv7, also the message-id
 * @param parentID the parent comment, or the nil UUID for a top-level comment
 * @param screened the lists that the value of its {@code {type, value}} reference matched; absent when none did
 */
@RegisterForReflection
public record CommentSubmittedEvent(
        String id,
        String receivedAt,
        String userId,
        List<String> groups,
        String entityID,
        String comment,
        String parentID,
        List<String> visibleBy,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EventReferenceScreening> screened) {

    public static final String TYPE = "io.threatingest.comment.submitted";
    public static final String NO_PARENT = "00000000-0000-0000-0000-000000000000";
}
