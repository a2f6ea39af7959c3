package io.threatingest.stix;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.threatingest.domain.value.RawValue;

/** Small readers for STIX properties. */
final class Json {

    private Json() {
    }

    /** A string property, or {@code null} when absent or not a string. */
    static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** The strings of an array property, skipping anything else. */
    static List<String> texts(JsonNode object, String field) {
        List<String> texts = new ArrayList<>();
        JsonNode array = object.get(field);
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                if (item.isTextual()) {
                    texts.add(item.textValue());
                }
            }
        }
        return texts;
    }

    /**
     * A property as the raw value an entity attribute gets, {@code null} when absent or JSON null. Values are not
     * checked here: a number where a string belongs is passed on and refused by the pipeline like any other bad value.
     */
    static RawValue raw(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return RawValue.text(value.textValue());
        }
        if (value.isNumber()) {
            return new RawValue.Number(value.toString());
        }
        return new RawValue.Other(value.isBoolean() ? "boolean" : value.isArray() ? "array" : "object");
    }

    /** Text cut to a length that fits in a reason. */
    static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
