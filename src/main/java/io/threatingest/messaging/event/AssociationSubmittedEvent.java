package io.threatingest.messaging.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A link between two existing entities, from {@code POST /association}.
 *
 * @param screened the lists that the values of its {@code {type, value}} references matched; absent when none did
 */
@RegisterForReflection
public record AssociationSubmittedEvent(
        String submissionId,
        String receivedAt,
        String userId,
        List<String> groups,
        String entityID,
        String relatedEntityID,
        String mode,
        List<String> visibleBy,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EventReferenceScreening> screened) {

    public static final String TYPE = "io.threatingest.association.submitted";
}
