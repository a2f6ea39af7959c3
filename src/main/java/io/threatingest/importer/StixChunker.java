package io.threatingest.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * STIX 2.1 bundles. A bundle within the bounds (objects and bytes) is sent as it is. A larger one is cut into
 * bundles of whole groups of objects that name each other ({@code *_ref}, {@code *_refs}: relationships with
 * their ends, sightings, observables with the observables they point at), packed in document order. Identities
 * and marking definitions are copied into every chunk whose objects name them (they publish nothing; the TLP
 * markings become tags) and reported once. The references of containers (grouping, report, note, opinion:
 * {@code object_refs}) and {@code created_by_ref} do not bind. A group larger than a chunk is cut in document
 * order: a relationship whose end lands in another chunk is then reported not mapped ("... is not in the
 * document").
 */
final class StixChunker implements Chunker {

    private static final Set<String> SHARED = Set.of("identity", "marking-definition", "extension-definition");
    private static final Set<String> CONTAINERS = Set.of("grouping", "report", "note", "opinion");

    private final ObjectMapper json;
    private final Iterator<Chunk> chunks;

    StixChunker(Path file, ObjectMapper json, int maxObjects, long maxBytes) throws IOException {
        this.json = json;
        byte[] bytes = Files.readAllBytes(file);
        JsonNode bundle;
        try {
            bundle = json.readTree(bytes);
        } catch (IOException e) {
            bundle = null;
        }
        JsonNode objects = bundle == null ? null : bundle.get("objects");
        if (objects == null || !objects.isArray() || (objects.size() <= maxObjects && bytes.length <= maxBytes)) {
            // within the bounds, or not a bundle: sent as it is, the service says what is wrong
            int n = objects != null && objects.isArray() ? objects.size() : 0;
            int[] identity = new int[n];
            boolean[] primary = new boolean[n];
            for (int i = 0; i < n; i++) {
                identity[i] = i;
                primary[i] = true;
            }
            chunks = List.of(new Chunk(0, bytes, Math.max(n, 1), bytes.length, "objects 0-" + (n - 1),
                    new Chunk.Origin(null, identity, primary, null, null))).iterator();
            return;
        }
        chunks = split((ObjectNode) bundle, (ArrayNode) objects, maxObjects, maxBytes, bytes.length).iterator();
    }

    private List<Chunk> split(ObjectNode bundle, ArrayNode objects, int maxObjects, long maxBytes, long fileBytes)
            throws IOException {
        int n = objects.size();
        Map<String, Integer> byId = new HashMap<>();
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            String id = objects.get(i).path("id").asText(null);
            if (id != null) {
                byId.putIfAbsent(id, i);
            }
            sizes[i] = json.writeValueAsBytes(objects.get(i)).length + 1;
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        List<Set<Integer>> sharedOf = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonNode object = objects.get(i);
            Set<Integer> shared = new TreeSet<>();
            if (!isShared(object)) {
                boolean container = CONTAINERS.contains(object.path("type").asText());
                for (String ref : refs(object, container)) {
                    Integer target = byId.get(ref);
                    if (target == null || target == i) {
                        continue;
                    }
                    if (isShared(objects.get(target))) {
                        shared.add(target);
                    } else if (!container) {
                        union(parent, i, target);
                    }
                }
            }
            sharedOf.add(shared);
        }
        Map<Integer, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (!isShared(objects.get(i))) {
                groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
            }
        }
        // pack groups in order of their first object; cut a group that does not fit in a chunk of its own
        List<List<Integer>> packed = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long currentBytes = 0;
        for (List<Integer> group : groups.values()) {
            long groupBytes = 0;
            for (int i : group) {
                groupBytes += sizes[i];
            }
            if (!current.isEmpty() && (current.size() + group.size() > maxObjects
                    || currentBytes + groupBytes > maxBytes)) {
                packed.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            for (int i : group) {
                if (!current.isEmpty() && (current.size() + 1 > maxObjects || currentBytes + sizes[i] > maxBytes)) {
                    packed.add(current);
                    current = new ArrayList<>();
                    currentBytes = 0;
                }
                current.add(i);
                currentBytes += sizes[i];
            }
        }
        if (!current.isEmpty()) {
            packed.add(current);
        }
        // shared objects: into each chunk that names them; reported by the first such chunk (or a chunk of
        // their own when nothing names them)
        Set<Integer> reported = new HashSet<>();
        List<Integer> unnamed = new ArrayList<>();
        Set<Integer> named = new HashSet<>();
        sharedOf.forEach(named::addAll);
        for (int i = 0; i < n; i++) {
            if (isShared(objects.get(i)) && !named.contains(i)) {
                unnamed.add(i);
            }
        }
        if (!unnamed.isEmpty()) {
            packed.add(unnamed);
        }
        List<Chunk> out = new ArrayList<>();
        long sourceLeft = fileBytes;
        for (int c = 0; c < packed.size(); c++) {
            Set<Integer> members = new TreeSet<>(packed.get(c));
            for (int i : packed.get(c)) {
                members.addAll(sharedOf.get(i));
            }
            int[] origin = new int[members.size()];
            boolean[] primary = new boolean[members.size()];
            ArrayNode chunkObjects = json.createArrayNode();
            int k = 0;
            for (int i : members) {
                origin[k] = i;
                primary[k] = reported.add(i);
                chunkObjects.add(objects.get(i));
                k++;
            }
            ObjectNode chunkBundle = json.createObjectNode();
            chunkBundle.put("type", "bundle");
            chunkBundle.set("id", bundle.get("id"));
            chunkBundle.set("objects", chunkObjects);
            byte[] body = json.writeValueAsBytes(chunkBundle);
            long share = c == packed.size() - 1 ? sourceLeft : Math.min(sourceLeft, body.length);
            sourceLeft -= share;
            out.add(new Chunk(c, body, members.size(), share, "objects " + describe(members),
                    new Chunk.Origin(null, origin, primary, null, null)));
        }
        return out;
    }

    private static String describe(Set<Integer> members) {
        int first = members.iterator().next();
        int last = first;
        for (int i : members) {
            last = i;
        }
        return first == last ? Integer.toString(first) : first + "-" + last + " (" + members.size() + ")";
    }

    private static boolean isShared(JsonNode object) {
        return SHARED.contains(object.path("type").asText());
    }

    /** Every id the object names in a {@code *_ref} or {@code *_refs} property, at any depth. */
    static Set<String> refs(JsonNode object, boolean container) {
        Set<String> out = new LinkedHashSet<>();
        collect(object, container, out);
        return out;
    }

    private static void collect(JsonNode node, boolean container, Set<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (name.equals("created_by_ref") || (container && name.equals("object_refs"))) {
                    continue;
                }
                if (name.endsWith("_ref") && value.isTextual()) {
                    out.add(value.asText());
                } else if (name.endsWith("_refs") && value.isArray()) {
                    value.forEach(v -> {
                        if (v.isTextual()) {
                            out.add(v.asText());
                        }
                    });
                } else {
                    collect(value, container, out);
                }
            }
        } else if (node.isArray()) {
            node.forEach(v -> collect(v, container, out));
        }
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

    @Override
    public Chunk next() {
        return chunks.hasNext() ? chunks.next() : null;
    }

    /** The unavailable objects again, with the objects they name (which may be published again: upserts). */
    @Override
    public byte[] retryBody(Chunk chunk, List<Answers.Item> unavailable) throws IOException {
        JsonNode bundle = json.readTree(chunk.body());
        JsonNode objects = bundle.get("objects");
        Map<String, JsonNode> byId = new HashMap<>();
        objects.forEach(o -> byId.putIfAbsent(o.path("id").asText(), o));
        Set<String> wanted = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>();
        unavailable.forEach(item -> todo.add(item.ref()));
        while (!todo.isEmpty()) {
            String id = todo.remove(todo.size() - 1);
            if (id != null && byId.containsKey(id) && wanted.add(id)) {
                JsonNode object = byId.get(id);
                todo.addAll(refs(object, CONTAINERS.contains(object.path("type").asText())));
            }
        }
        ArrayNode kept = json.createArrayNode();
        for (JsonNode object : objects) {
            if (wanted.contains(object.path("id").asText())) {
                kept.add(object);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        ObjectNode retry = json.createObjectNode();
        retry.put("type", "bundle");
        retry.set("id", bundle.get("id"));
        retry.set("objects", kept);
        return json.writeValueAsBytes(retry);
    }
}
