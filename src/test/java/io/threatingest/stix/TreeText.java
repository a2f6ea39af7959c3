package io.threatingest.stix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.threatingest.domain.AssociationSubmission;
import io.threatingest.domain.EntitySubmission;
import io.threatingest.domain.value.RawValue;
import io.threatingest.intake.SourceObject;

/**
 * Entity trees as one line of text each, so that tests can state a whole tree exactly:
 * {@code type=value {attribute=value} rep=-1 tags=[a, b] (association child, aggregation child)}. Numbers are
 * written bare, strings quoted with {@code '}.
 */
final class TreeText {

    private TreeText() {
    }

    static List<String> of(SourceObject object) {
        return object.trees().stream().map(TreeText::of).toList();
    }

    static String of(EntitySubmission entity) {
        StringBuilder text = new StringBuilder(entity.type()).append('=')
                .append(value(entity.attributes().get(entity.type())));
        List<String> others = new ArrayList<>();
        for (Map.Entry<String, RawValue> attribute : entity.attributes().entrySet()) {
            if (!attribute.getKey().equals(entity.type())) {
                others.add(attribute.getKey() + "=" + value(attribute.getValue()));
            }
        }
        if (!others.isEmpty()) {
            text.append(" {").append(String.join(", ", others)).append('}');
        }
        if (entity.reputation() != null) {
            text.append(" rep=").append(entity.reputation());
        }
        if (entity.tags() != null) {
            text.append(" tags=").append(entity.tags());
        }
        if (entity.associations() != null) {
            text.append(" (").append(entity.associations().stream().map(TreeText::of)
                    .collect(Collectors.joining(", "))).append(')');
        }
        return text.toString();
    }

    private static String of(AssociationSubmission association) {
        return association.mode() + " " + of(association.entity());
    }

    private static String value(RawValue value) {
        if (value instanceof RawValue.Text text) {
            return "'" + text.value() + "'";
        }
        if (value instanceof RawValue.Number number) {
            return number.literal();
        }
        return String.valueOf(value);
    }
}
