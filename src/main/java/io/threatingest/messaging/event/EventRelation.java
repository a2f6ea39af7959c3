package io.threatingest.messaging.event;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A relation from a parent entity to a related one, with mode {@code aggregation} or {@code association}. */
@RegisterForReflection
public record EventRelation(String entityID, String relatedEntityID, String mode) {
}
