package io.threatingest.messaging.event;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A link between two existing entities, from {@code POST /association}. */
@RegisterForReflection
public record AssociationSubmittedEvent(
        String submissionId,
        String receivedAt,
        String userId,
        List<String> groups,
        String entityID,
        String relatedEntityID,
        String mode,
        List<String> visibleBy) {

    public static final String TYPE = "io.threatingest.association.submitted";
}
