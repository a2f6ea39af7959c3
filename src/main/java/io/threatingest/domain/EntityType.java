package io.threatingest.domain;

import java.util.List;

/**
 * One entity type of the catalogue. Attribute and association lists are documentation of what usually goes
 * together; they are not used to validate submissions.
 */
public record EntityType(
        String name,
        DataType dataType,
        List<String> attributes,
        List<String> associations,
        List<String> correlate,
        List<String> tags,
        String label,
        String description) {

    public EntityType {
        attributes = List.copyOf(attributes);
        associations = List.copyOf(associations);
        correlate = List.copyOf(correlate);
        tags = List.copyOf(tags);
    }
}
