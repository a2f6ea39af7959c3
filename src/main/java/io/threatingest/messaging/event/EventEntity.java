package io.threatingest.messaging.event;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One validated entity in an event.
 *
 * @param value the normalised main attribute (a string, or a number for Integer and Float types)
 * @param attributes every normalised attribute by type name, the main one included
 * @param wellKnown submitted through {@code /well-known}: trusted, never to be rated negatively
 * @param screened the screening lists the entity's value matched; absent when none did
 */
@RegisterForReflection
public record EventEntity(
        String id,
        String type,
        Object value,
        Map<String, Object> attributes,
        int reputation,
        List<String> tags,
        List<String> visibleBy,
        boolean wellKnown,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EventScreening> screened) {
}
