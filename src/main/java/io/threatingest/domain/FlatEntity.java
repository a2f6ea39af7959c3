package io.threatingest.domain;

import java.util.List;
import java.util.Map;

import io.threatingest.domain.value.NormalisedValue;

/**
 * A validated entity with its identity.
 *
 * @param value the normalised main attribute
 * @param attributes every normalised attribute by type name, the main one included, in request order
 */
public record FlatEntity(
        String id,
        String type,
        NormalisedValue value,
        Map<String, NormalisedValue> attributes,
        int reputation,
        List<String> tags,
        List<String> visibleBy) {
}
