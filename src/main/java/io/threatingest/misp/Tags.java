package io.threatingest.misp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.threatingest.intake.DocumentException;

/** MISP tag lists ({@code "Tag": [{"name": "tlp:white"}, ...]}) as tag names. */
final class Tags {

    private Tags() {
    }

    /**
     * The names, in order; none when the member is absent. A list that is not one is refused rather than skipped,
     * so that no tag is lost without a word.
     */
    static List<String> names(JsonNode tags, String pointer) {
        if (Json.absent(tags)) {
            return List.of();
        }
        if (!tags.isArray()) {
            throw new DocumentException(pointer, "Tag must be an array, not " + Json.kind(tags));
        }
        List<String> names = new ArrayList<>(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            JsonNode name = tags.get(i).get("name");
            if (name == null || !name.isTextual()) {
                throw new DocumentException(pointer + "/" + i, "a tag needs a name that is a string");
            }
            names.add(name.textValue());
        }
        return names;
    }

    /** Every name once, in the order first seen. */
    @SafeVarargs
    static List<String> merge(List<String>... lists) {
        Set<String> merged = new LinkedHashSet<>();
        for (List<String> list : lists) {
            merged.addAll(list);
        }
        return List.copyOf(merged);
    }
}
