package io.threatingest.misp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.threatingest.domain.AssociationSubmission;
import io.threatingest.domain.Catalogue;
import io.threatingest.domain.DataType;
import io.threatingest.domain.EntitySubmission;
import io.threatingest.domain.EntityType;
import io.threatingest.domain.value.RawValue;
import io.threatingest.intake.Trees;

/** Single entities from MISP values: the JSON kind a value is given, and who may carry a reputation. */
final class EntityValues {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /**
     * Values many harmless things share: a name, a port, a registry value. {@code to_ids} says the attribute is fit
     * for detection, not that every web server on 443/tcp is malicious.
     */
    private static final Set<String> NEVER_RATED = Set.of("filename", "port", "value");

    private EntityValues() {
    }

    static EntitySubmission entity(String type, String value, ValueContext context) {
        return Trees.entity(type, raw(type, value), rating(type, context.reputation()), context.tags(), List.of());
    }

    static Integer rating(String type, Integer reputation) {
        return NEVER_RATED.contains(type) ? null : reputation;
    }

    /**
     * MISP keeps every value as a string; integer and float types get a JSON number when the text is one, so that
     * the pipeline's strict decoding sees the kind it expects. Anything else stays text and is judged there.
     */
    static RawValue raw(String type, String value) {
        EntityType entityType = Catalogue.find(type);
        DataType dataType = entityType == null ? null : entityType.dataType();
        if (dataType == DataType.INTEGER && INTEGER.matcher(value).matches()) {
            return new RawValue.Number(value);
        }
        if (dataType == DataType.FLOAT && JSON_NUMBER.matcher(value).matches()) {
            return new RawValue.Number(value);
        }
        return RawValue.text(value);
    }

    static EntitySubmission withChildren(EntitySubmission tree, List<AssociationSubmission> more) {
        if (more.isEmpty()) {
            return tree;
        }
        List<AssociationSubmission> children = new ArrayList<>();
        if (tree.associations() != null) {
            children.addAll(tree.associations());
        }
        children.addAll(more);
        return new EntitySubmission(tree.type(), tree.attributes(), List.copyOf(children), tree.reputation(),
                tree.correlate(), tree.tags(), tree.visibleBy());
    }
}
