package io.threatingest.misp;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading MISP's loosely typed JSON: MISP writes flags and timestamps as strings or as JSON scalars. */
final class Json {

    private Json() {
    }

    /** The member's string value, or {@code fallback} when it is absent or not a string. */
    static String text(JsonNode node, String field, String fallback) {
        JsonNode member = node.get(field);
        return member != null && member.isTextual() ? member.textValue() : fallback;
    }

    /** A timestamp or version, string or number, as text; {@code null} for anything else. */
    static String version(JsonNode member) {
        if (member == null || !(member.isTextual() || member.isIntegralNumber())) {
            return null;
        }
        return member.asText();
    }

    /** {@code true}, {@code "1"}, {@code "true"} or {@code 1}. */
    static boolean flag(JsonNode member) {
        if (member == null) {
            return false;
        }
        if (member.isBoolean()) {
            return member.booleanValue();
        }
        if (member.isTextual()) {
            return member.textValue().equals("1") || member.textValue().equalsIgnoreCase("true");
        }
        return member.isIntegralNumber() && member.asLong() == 1;
    }

    static boolean absent(JsonNode member) {
        return member == null || member.isNull();
    }

    /** How a JSON value is named in reasons: "a JSON number", "a JSON array", .... */
    static String kind(JsonNode node) {
        return "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
