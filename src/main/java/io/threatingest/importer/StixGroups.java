package io.threatingest.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A bundle's objects (by index) in groups that name each other and so travel together, the shared objects each
 * object names, and the shared objects nothing names.
 */
final class StixGroups {

    private final List<Set<Integer>> sharedNamedBy;
    private final List<List<Integer>> groups;
    private final List<Integer> unnamedShared;

    private StixGroups(List<Set<Integer>> sharedNamedBy, List<List<Integer>> groups, List<Integer> unnamedShared) {
        this.sharedNamedBy = sharedNamedBy;
        this.groups = groups;
        this.unnamedShared = unnamedShared;
    }

    static StixGroups of(ArrayNode objects) {
        Map<String, Integer> byId = indexById(objects);
        int[] parent = new int[objects.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        List<Set<Integer>> sharedNamedBy = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            sharedNamedBy.add(link(objects, i, byId, parent));
        }
        return new StixGroups(sharedNamedBy, groups(objects, parent), unnamedShared(objects, sharedNamedBy));
    }

    /** The groups of objects that are not shared, each in document order, in order of their first object. */
    List<List<Integer>> groups() {
        return groups;
    }

    /** Shared objects that no object names: they go in a chunk of their own. */
    List<Integer> unnamedShared() {
        return unnamedShared;
    }

    /** The objects of a chunk with the shared objects they name, in document order. */
    Set<Integer> withSharedNamed(List<Integer> objects) {
        Set<Integer> members = new TreeSet<>(objects);
        for (int i : objects) {
            members.addAll(sharedNamedBy.get(i));
        }
        return members;
    }

    private static Map<String, Integer> indexById(ArrayNode objects) {
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            String id = objects.get(i).path("id").asText(null);
            if (id != null) {
                byId.putIfAbsent(id, i);
            }
        }
        return byId;
    }

    /** Joins object {@code i} with the objects it binds to; returns the shared objects it names. */
    private static Set<Integer> link(ArrayNode objects, int i, Map<String, Integer> byId, int[] parent) {
        JsonNode object = objects.get(i);
        Set<Integer> shared = new TreeSet<>();
        if (StixRefs.isShared(object)) {
            return shared;
        }
        boolean container = StixRefs.isContainer(object);
        for (String ref : StixRefs.refs(object, container)) {
            Integer target = byId.get(ref);
            if (target == null || target == i) {
                continue;
            }
            if (StixRefs.isShared(objects.get(target))) {
                shared.add(target);
            } else if (!container) {
                union(parent, i, target);
            }
        }
        return shared;
    }

    private static List<List<Integer>> groups(ArrayNode objects, int[] parent) {
        Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            if (!StixRefs.isShared(objects.get(i))) {
                byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
            }
        }
        return new ArrayList<>(byRoot.values());
    }

    private static List<Integer> unnamedShared(ArrayNode objects, List<Set<Integer>> sharedNamedBy) {
        Set<Integer> named = new HashSet<>();
        sharedNamedBy.forEach(named::addAll);
        List<Integer> unnamed = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            if (StixRefs.isShared(objects.get(i)) && !named.contains(i)) {
                unnamed.add(i);
            }
        }
        return unnamed;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
