package io.threatingest.stix;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The reputation of the entities an indicator yields. The direction comes from {@code indicator_types}: malicious
 * unless the indicator says otherwise ({@code benign} only: positive; {@code anomalous-activity},
 * {@code anonymization} or {@code unknown} only: neutral). The strength comes from {@code confidence} in the bands
 * STIX uses for low, medium and high (1-29, 30-69, 70-100), giving 1, 2, 3; without a usable confidence 1, and a
 * confidence of 0 means no opinion, so 0.
 */
final class IndicatorReputation {

    private static final Set<String> NEUTRAL = Set.of("anomalous-activity", "anonymization", "unknown");

    private IndicatorReputation() {
    }

    static int of(JsonNode indicator) {
        int direction = direction(Json.texts(indicator, "indicator_types"));
        return direction * strength(indicator.get("confidence"));
    }

    private static int direction(List<String> types) {
        boolean benign = false;
        boolean neutral = false;
        for (String type : types) {
            if (type.equals("benign")) {
                benign = true;
            } else if (NEUTRAL.contains(type)) {
                neutral = true;
            } else {
                return -1; // malicious-activity, compromised, attribution or a type of the producer's own
            }
        }
        return benign ? 1 : neutral ? 0 : -1;
    }

    private static int strength(JsonNode confidence) {
        if (confidence == null || !confidence.canConvertToInt() || !confidence.isIntegralNumber()) {
            return 1;
        }
        int value = confidence.intValue();
        if (value < 0 || value > 100) {
            return 1;
        }
        return value == 0 ? 0 : value < 30 ? 1 : value < 70 ? 2 : 3;
    }
}
