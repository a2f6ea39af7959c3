package io.threatingest.messaging.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of the event published for each accepted {@code POST /entity} or {@code POST /well-known}
 * submission, and for each pack of trees of a {@code POST /batch}. The contract is documented in
 * {@code docs/events.md}.
 *
 * @param receivedAt when the service received the request, RFC 3339 in UTC
 * @param rootId the ID of the submitted (top-level) entity; in a pack, that of its first tree
 * @param entities every entity of the tree, root first; in a pack, the trees one after the other
 * @param roots the root ID of every tree the event carries, in order (one for /entity and /well-known)
 * @param items for a batch, the index in the batch of each tree of {@code roots}; absent otherwise
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
        List<EventRelation> relations,
        List<String> roots,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Integer> items) {

    public static final String TYPE = "io.threatingest.entity.submitted";
}
