package io.threatingest.domain;

import java.util.List;
import java.util.Map;

import io.threatingest.domain.value.RawValue;

/**
 * One entity of a submission as the client sent it, before validation. Any field may be {@code null} (absent
 * or JSON null); the flattener decides what that means.
 *
 * @param attributes attribute values by entity type name, in request order
 */
public record EntitySubmission(
        String type,
        Map<String, RawValue> attributes,
        List<AssociationSubmission> associations,
        Integer reputation,
        List<String> correlate,
        List<String> tags,
        List<String> visibleBy) {
}
