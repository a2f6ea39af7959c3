package io.threatingest.misp;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.threatingest.intake.Conversion;
import io.threatingest.intake.DocumentException;

/** MISP events to entity trees, by the table in {@code docs/misp-mapping.md}. */
public final class MispMapper {

    /** {@code {"Event": {...}}} or {@code {"response": [{"Event": {...}}, ...]}}. */
    public Conversion map(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new DocumentException("", "a MISP document is a JSON object");
        }
        return new Conversion(List.of());
    }
}
