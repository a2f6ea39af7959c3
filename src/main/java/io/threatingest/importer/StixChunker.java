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

    private final ObjectMapper json;
    private final Iterator<Chunk> chunks;

    StixChunker(Path file, ObjectMapper json, int maxObjects, long maxBytes) throws IOException {
        this.json = json;
        byte[] bytes = Files.readAllBytes(file);
        JsonNode bundle = readOrNull(bytes);
        JsonNode objects = bundle == null ? null : bundle.get("objects");
        if (objects == null || !objects.isArray() || (objects.size() <= maxObjects && bytes.length <= maxBytes)) {
            // within the bounds, or not a bundle: sent as it is, the service says what is wrong
            chunks = List.of(whole(bytes, objects)).iterator();
        } else {
            chunks = split((ObjectNode) bundle, (ArrayNode) objects, maxObjects, maxBytes, bytes.length).iterator();
        }
    }

    private JsonNode readOrNull(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    /** The file as one chunk: every object reported by it. */
    private static Chunk whole(byte[] bytes, JsonNode objects) {
        int n = objects != null && objects.isArray() ? objects.size() : 0;
        int[] identity = new int[n];
        boolean[] primary = new boolean[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
            primary[i] = true;
        }
        return new Chunk(0, bytes, Math.max(n, 1), bytes.length, "objects 0-" + (n - 1),
                new Chunk.Origin(null, identity, primary, null, null));
    }

    private List<Chunk> split(ObjectNode bundle, ArrayNode objects, int maxObjects, long maxBytes, long fileBytes)
            throws IOException {
        StixGroups groups = StixGroups.of(objects);
        List<List<Integer>> packed = new StixPacker(sizes(objects), maxObjects, maxBytes).pack(groups.groups());
        if (!groups.unnamedShared().isEmpty()) {
            packed.add(groups.unnamedShared());
        }
        return bundles(bundle.get("id"), objects, groups, packed, fileBytes);
    }

    /** Each object's bytes in a chunk's body (with the comma before it). */
    private int[] sizes(ArrayNode objects) throws IOException {
        int[] sizes = new int[objects.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = json.writeValueAsBytes(objects.get(i)).length + 1;
        }
        return sizes;
    }

    /**
     * A bundle per packed list, with the shared objects its objects name; an object is reported by the first
     * chunk that holds it. The file's bytes are shared out by the chunks' sizes, the last taking what is left.
     */
    private List<Chunk> bundles(JsonNode id, ArrayNode objects, StixGroups groups, List<List<Integer>> packed,
            long fileBytes) throws IOException {
        List<Chunk> out = new ArrayList<>();
        Set<Integer> reported = new HashSet<>();
        long sourceLeft = fileBytes;
        for (int c = 0; c < packed.size(); c++) {
            Set<Integer> members = groups.withSharedNamed(packed.get(c));
            ArrayNode chunkObjects = json.createArrayNode();
            members.forEach(i -> chunkObjects.add(objects.get(i)));
            byte[] body = json.writeValueAsBytes(bundleOf(id, chunkObjects));
            long share = c == packed.size() - 1 ? sourceLeft : Math.min(sourceLeft, body.length);
            sourceLeft -= share;
            out.add(new Chunk(c, body, members.size(), share, "objects " + describe(members),
                    origin(members, reported)));
        }
        return out;
    }

    private static Chunk.Origin origin(Set<Integer> members, Set<Integer> reported) {
        int[] objects = new int[members.size()];
        boolean[] primary = new boolean[members.size()];
        int k = 0;
        for (int i : members) {
            objects[k] = i;
            primary[k] = reported.add(i);
            k++;
        }
        return new Chunk.Origin(null, objects, primary, null, null);
    }

    private ObjectNode bundleOf(JsonNode id, ArrayNode objects) {
        ObjectNode bundle = json.createObjectNode();
        bundle.put("type", "bundle");
        bundle.set("id", id);
        bundle.set("objects", objects);
        return bundle;
    }

    private static String describe(Set<Integer> members) {
        int first = members.iterator().next();
        int last = first;
        for (int i : members) {
            last = i;
        }
        return first == last ? Integer.toString(first) : first + "-" + last + " (" + members.size() + ")";
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
                todo.addAll(StixRefs.refs(object, StixRefs.isContainer(object)));
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
        return json.writeValueAsBytes(bundleOf(bundle.get("id"), kept));
    }
}
