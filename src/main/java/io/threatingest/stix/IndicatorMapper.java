package io.threatingest.stix;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.threatingest.domain.EntitySubmission;

/** Indicators with a STIX pattern: each way the pattern can match becomes observables, mapped like SCOs. */
final class IndicatorMapper {

    private final ObservableMapper observables;

    IndicatorMapper(ObservableMapper observables) {
        this.observables = observables;
    }

    Mapping map(JsonNode indicator, List<String> tags) {
        String patternType = Json.text(indicator, "pattern_type");
        if (patternType != null && !patternType.equals("stix")) {
            return Mapping.none("pattern type " + Json.shorten(patternType) + " is not mapped");
        }
        String pattern = Json.text(indicator, "pattern");
        if (pattern == null) {
            return Mapping.none("indicator without a pattern");
        }
        Marks marks = new Marks(IndicatorReputation.of(indicator), tags);
        try {
            return Mapping.of(trees(pattern, marks));
        } catch (PatternException e) {
            return Mapping.none("pattern: " + e.getMessage());
        }
    }

    private List<EntitySubmission> trees(String pattern, Marks marks) {
        Map<String, JsonNode> referenced = new HashMap<>();
        Refs refs = new Refs() {

            @Override
            public JsonNode object(String id) {
                return id == null ? null : referenced.get(id);
            }

            @Override
            public Marks marks(JsonNode object) {
                return marks;
            }
        };
        Set<EntitySubmission> trees = new LinkedHashSet<>();
        for (List<Comparison> way : PatternParser.parse(pattern)) {
            for (ObjectNode observable : PatternPaths.observables(way, referenced)) {
                Mapping mapping = observables.map(observable, marks, refs, true);
                if (!mapping.mapped()) {
                    throw new PatternException(mapping.reason());
                }
                trees.addAll(mapping.trees());
            }
        }
        return List.copyOf(trees);
    }
}
