package io.threatingest.misp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.threatingest.domain.AssociationSubmission;
import io.threatingest.domain.EntitySubmission;
import io.threatingest.intake.Trees;
import io.threatingest.misp.AttributeRule.FileHash;

/** One tree for a whole MISP object: a root chosen by the object's template, the other attributes around it. */
final class ObjectTrees {

    private ObjectTrees() {
    }

    /**
     * @param tags for every entity of the tree
     * @return the tree, or {@code null} when none of the attributes maps to anything
     */
    static EntitySubmission tree(String template, List<ObjectAttribute> attributes, List<String> tags,
            String protocol) {
        if ("file".equals(template)) {
            EntitySubmission file = file(attributes, tags, protocol);
            if (file != null) {
                return file;
            }
        }
        List<EntitySubmission> trees = new ArrayList<>(attributes.size());
        for (ObjectAttribute attribute : attributes) {
            trees.add(map(attribute, tags, protocol));
        }
        int root = root(template, attributes, trees);
        if (root < 0) {
            return null;
        }
        List<AssociationSubmission> children = new ArrayList<>();
        for (int i = 0; i < trees.size(); i++) {
            if (i != root && trees.get(i) != null) {
                children.add(Trees.association(trees.get(i)));
            }
        }
        return EntityValues.withChildren(trees.get(root), children);
    }

    /** The file rule over the object's hashes and first name; its other attributes associated to the file. */
    private static EntitySubmission file(List<ObjectAttribute> attributes, List<String> tags, String protocol) {
        Map<String, String> hashes = new LinkedHashMap<>();
        String name = null;
        Integer reputation = null;
        List<AssociationSubmission> more = new ArrayList<>();
        for (ObjectAttribute attribute : attributes) {
            if (attribute.rule() instanceof FileHash hash && !hashes.containsKey(hash.hashType())) {
                hashes.put(hash.hashType(), attribute.value());
                reputation = attribute.reputation() != null ? attribute.reputation() : reputation;
            } else if (attribute.mispType().equals("filename") && name == null) {
                name = attribute.value();
            } else {
                EntitySubmission tree = map(attribute, tags, protocol);
                if (tree != null) {
                    more.add(Trees.association(tree));
                }
            }
        }
        return Trees.file(hashes, name, reputation, tags, more);
    }

    private static int root(String template, List<ObjectAttribute> attributes, List<EntitySubmission> trees) {
        for (String preferred : ObjectTemplates.rootTypes(template)) {
            for (int i = 0; i < attributes.size(); i++) {
                if (trees.get(i) != null && attributes.get(i).mispType().equals(preferred)) {
                    return i;
                }
            }
        }
        for (int i = 0; i < trees.size(); i++) {
            if (trees.get(i) != null) {
                return i;
            }
        }
        return -1;
    }

    private static EntitySubmission map(ObjectAttribute attribute, List<String> tags, String protocol) {
        return attribute.rule().map(attribute.value(), new ValueContext(attribute.reputation(), tags, protocol))
                .tree();
    }
}
