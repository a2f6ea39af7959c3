package io.threatingest.service;

import java.util.List;
import java.util.Map;

import io.threatingest.domain.FlatEntity;
import io.threatingest.domain.FlatSubmission;
import io.threatingest.domain.Relation;
import io.threatingest.domain.value.NormalisedValue;

/**
 * An upper bound of the bytes a tree adds to an event's JSON, computed without serialising it: every string
 * counts as escaped in full ({@code \\uXXXX}, 6 bytes a char) unless it is plain printable ASCII, and every
 * field name and separator is covered by a fixed allowance per entity and relation.
 */
final class EventSize {

    /** Field names, quotes, braces and commas of one entity (about 110 bytes) with a margin. */
    private static final int ENTITY_OVERHEAD = 160;
    /** The same for one relation (about 50 bytes) with a margin. */
    private static final int RELATION_OVERHEAD = 80;

    private EventSize() {
    }

    static long bound(FlatSubmission tree) {
        long bytes = 0;
        for (FlatEntity entity : tree.entities()) {
            bytes += ENTITY_OVERHEAD + string(entity.id()) + string(entity.type()) + value(entity.value())
                    + strings(entity.tags()) + strings(entity.visibleBy());
            for (Map.Entry<String, NormalisedValue> attribute : entity.attributes().entrySet()) {
                bytes += 2 + string(attribute.getKey()) + value(attribute.getValue());
            }
        }
        for (Relation relation : tree.relations()) {
            bytes += RELATION_OVERHEAD + string(relation.entityID()) + string(relation.relatedEntityID());
        }
        return bytes;
    }

    private static long value(NormalisedValue value) {
        return value.value() instanceof String text ? string(text) : String.valueOf(value.value()).length();
    }

    private static long strings(List<String> values) {
        long bytes = 2;
        for (String value : values) {
            bytes += 1 + string(value);
        }
        return bytes;
    }

    private static long string(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return 2 + 6L * text.length();
            }
        }
        return 2 + text.length();
    }
}
