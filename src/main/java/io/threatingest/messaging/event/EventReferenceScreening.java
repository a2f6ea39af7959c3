package io.threatingest.messaging.event;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A screening list that the value of an association's or comment's {@code {type, value}} reference matched.
 *
 * @param id the referenced entity's ID
 * @param list the list's key (its file name without .json)
 * @param name the list's name
 * @param action {@code report} or {@code tag} (a reference that a list drops leaves nothing to publish)
 */
@RegisterForReflection
public record EventReferenceScreening(String id, String list, String name, String action) {
}
