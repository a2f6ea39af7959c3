package io.threatingest.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.threatingest.domain.value.RawValue;
import io.threatingest.intake.Conversion;
import io.threatingest.intake.SourceObject;
import io.threatingest.intake.Trees;

/**
 * Free text to entity trees, beside the STIX and MISP mappers: each distinct indicator found in the text (by type
 * and value) becomes one object with one entity, at the offset where it was first found.
 */
public final class TextMapper {

    private final IndicatorExtractor extractor = new IndicatorExtractor();

    /** One distinct indicator: where it was first found, and every offset it was found at. */
    public record Found(FoundIndicator first, List<Integer> at) {
    }

    /** The distinct indicators of a text, in the order first found, and their conversion. */
    public record Extraction(List<Found> found, Conversion conversion) {
    }

    /** @param reputation given to every entity; {@code null} for none */
    public Extraction map(String text, Integer reputation) {
        List<Found> found = distinct(extractor.find(text));
        List<SourceObject> objects = new ArrayList<>(found.size());
        for (Found indicator : found) {
            FoundIndicator first = indicator.first();
            RawValue value = first.type().equals("asn")
                    ? new RawValue.Number(first.value())
                    : RawValue.text(first.value());
            objects.add(SourceObject.mapped(first.value(), null, first.type(), "@" + first.start(),
                    List.of(Trees.entity(first.type(), value, reputation, List.of(), List.of()))));
        }
        return new Extraction(found, new Conversion(objects));
    }

    private static List<Found> distinct(List<FoundIndicator> indicators) {
        Map<String, Found> byValue = new LinkedHashMap<>();
        for (FoundIndicator indicator : indicators) {
            byValue.computeIfAbsent(indicator.type() + '\n' + indicator.value(),
                    key -> new Found(indicator, new ArrayList<>())).at().add(indicator.start());
        }
        return List.copyOf(byValue.values());
    }
}
