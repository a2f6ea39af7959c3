package io.threatingest.stix;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * TLP marking definitions to tags. The ids STIX 2.1 fixes for TLP 1.0 and those of the OASIS TLP 2.0 extension are
 * known here; a marking-definition object in the same document counts when it says which TLP level it is.
 */
final class TlpMarkings {

    /** The OASIS TLP 2.0 extension; its marking definitions carry {@code tlp_2_0} under this key. */
    static final String TLP_2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    static final Map<String, String> WELL_KNOWN = Map.of(
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "tlp:white",
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "tlp:green",
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "tlp:amber",
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "tlp:red",
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "tlp:clear",
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "tlp:green",
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "tlp:amber",
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "tlp:amber+strict",
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "tlp:red");

    private TlpMarkings() {
    }

    /** The tag for a marking-definition object of the document, or {@code null} when it is no TLP marking. */
    static String tag(JsonNode marking) {
        String level = null;
        if ("tlp".equals(Json.text(marking, "definition_type")) && marking.path("definition").isObject()) {
            level = Json.text(marking.get("definition"), "tlp");
        }
        JsonNode extension = marking.path("extensions").path(TLP_2_EXTENSION);
        if (level == null && extension.isObject()) {
            level = Json.text(extension, "tlp_2_0");
        }
        if (level == null) {
            return null;
        }
        String tag = level.trim().toLowerCase(Locale.ROOT);
        if (tag.startsWith("tlp:")) {
            tag = tag.substring(4);
        }
        return switch (tag) {
            case "clear", "white", "green", "amber", "amber+strict", "red" -> "tlp:" + tag;
            default -> null;
        };
    }
}
