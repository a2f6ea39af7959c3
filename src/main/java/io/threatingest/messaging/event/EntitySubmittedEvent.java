package io.threatingest.messaging.event;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of the event published for each accepted {@code POST /entity} or {@code POST /well-known}
 * submission. The contract is documented in {@code docs/events.md}.
 *
 * @param receivedAt when the service received the request, RFC 3339 in UTC
 * @param rootId the ID of the submitted (top-level) entity
 * @param entities every entity of the tree, root first
 */
@RegisterForReflection
public record EntitySubmittedEvent(
        String submissionId,
        String receivedAt,
        String userId,
        List<String> groups,
        boolean wellKnown,
        String rootId,
        List<EventEntity> entities,
        List<EventRelation> relations) {

    public static final String TYPE = "io.threatingest.entity.submitted";
}
