package io.threatingest.messaging.event;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A screening list an entity's value matched.
 *
 * @param list the list's key (its file name without .json)
 * @param name the list's name
 * @param action what the match did: {@code report} or {@code tag} (a dropped entity is not in the event)
 */
@RegisterForReflection
public record EventScreening(String list, String name, String action) {
}
