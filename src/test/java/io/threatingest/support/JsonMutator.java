package io.threatingest.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Structure-aware mutations of a JSON document: drop, retype (every JSON type), empty, repeat, name a member twice,
 * nest deeply, NUL and other control characters, very long strings, huge arrays, values moved from elsewhere in
 * the document; rarely a damage to the bytes (truncation, bytes that are not UTF-8). Each mutation is described
 * with the JSON pointer it hit, so that a failing case can be read and reproduced from its random seed.
 */
public final class JsonMutator {

    private enum Kind {

        DROP(14), RETYPE(24), EMPTY(7), REPEAT(6), DUPLICATE_KEY(5), NEST(6), CONTROL(8), LONG(4), HUGE(2), SWAP(
                16), ROOT(2);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    /** Where a node sits: its container and its name or index there ({@code parent == null} for the root). */
    private record Position(JsonNode parent, String field, int index, String pointer, JsonNode node) {

        String shown() {
            return shortPointer(pointer);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DUPLICATE = "zz-fuzz-duplicate-";
    private static final String[] CONTROLS = { "\u0000", "\u0000\u0000\u0000", "\u0001", "\u001f", "\u007f",
            "\u2028", "\ufeff", "\u202e", "\ud83d\ude00", "\\u0000", "\n\r\t" };
    private static final int MAX_BYTES = 6_000_000;

    private final SplittableRandom random;
    private final List<String> steps = new ArrayList<>();
    private final Map<String, String> duplicates = new HashMap<>();
    private JsonNode root;

    private JsonMutator(JsonNode seed, SplittableRandom random) {
        this.root = seed.deepCopy();
        this.random = random;
    }

    /** A copy of {@code seed} with {@code count} mutations applied, in order. */
    public static JsonMutator mutate(JsonNode seed, SplittableRandom random, int count) {
        JsonMutator mutator = new JsonMutator(seed, random);
        for (int i = 0; i < count; i++) {
            mutator.once();
        }
        return mutator;
    }

    public JsonNode root() {
        return root;
    }

    /** What was done, in order: {@code kind pointer detail; ...}. */
    public String description() {
        return String.join("; ", steps);
    }

    /** The node as JSON text, members named twice written twice. */
    public String write(JsonNode node) {
        String text;
        try {
            text = JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, String> duplicate : duplicates.entrySet()) {
            text = text.replace("\"" + duplicate.getKey() + "\"", quote(duplicate.getValue()));
        }
        return text;
    }

    /** The whole document, damaged at the byte level in {@code percent} of the calls. */
    public byte[] bytes(int percent) {
        byte[] body = write(root).getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(100) >= percent || body.length == 0) {
            return body;
        }
        int at = random.nextInt(body.length);
        switch (random.nextInt(4)) {
            case 0 -> {
                steps.add("bytes truncated at " + at);
                return Arrays.copyOf(body, at);
            }
            case 1 -> {
                steps.add("bytes BOM prepended");
                byte[] out = new byte[body.length + 3];
                out[0] = (byte) 0xef;
                out[1] = (byte) 0xbb;
                out[2] = (byte) 0xbf;
                System.arraycopy(body, 0, out, 3, body.length);
                return out;
            }
            default -> {
                byte[][] inserts = { { 0 }, { (byte) 0xff }, { (byte) 0xc3, 0x28 }, { (byte) 0xed, (byte) 0xa0,
                        (byte) 0x80 }, { (byte) 0xe2, (byte) 0x82 } };
                byte[] insert = inserts[random.nextInt(inserts.length)];
                steps.add("bytes " + HexFormat.of().formatHex(insert) + " inserted at " + at);
                byte[] out = new byte[body.length + insert.length];
                System.arraycopy(body, 0, out, 0, at);
                System.arraycopy(insert, 0, out, at, insert.length);
                System.arraycopy(body, at, out, at + insert.length, body.length - at);
                return out;
            }
        }
    }

    private void once() {
        List<Position> positions = new ArrayList<>();
        collect(null, null, -1, "", root, positions);
        Kind kind = kind();
        Position at = kind == Kind.ROOT || positions.size() == 1 ? positions.get(0) : pick(positions);
        switch (kind) {
            case DROP -> drop(at);
            case RETYPE -> {
                JsonNode other = otherType(at.node());
                replace(at, other, "retype " + at.shown() + " " + type(at.node()) + "->" + describe(other));
            }
            case EMPTY -> replace(at, empty(at.node()), "empty " + at.shown());
            case REPEAT -> repeat(at);
            case DUPLICATE_KEY -> duplicateKey(at);
            case NEST -> nest(at);
            case CONTROL -> control(at);
            case LONG -> longString(at);
            case HUGE -> huge(at);
            case SWAP -> {
                Position from = positions.get(random.nextInt(positions.size()));
                replace(at, from.node().deepCopy(), "swap " + at.shown() + " <- copy of " + from.shown());
            }
            case ROOT -> replaceRoot();
        }
    }

    private Kind kind() {
        int total = 0;
        for (Kind kind : Kind.values()) {
            total += kind.weight;
        }
        int roll = random.nextInt(total);
        for (Kind kind : Kind.values()) {
            roll -= kind.weight;
            if (roll < 0) {
                return kind;
            }
        }
        throw new IllegalStateException();
    }

    /** Half the time any node, half the time a node at a depth chosen first, so deep and shallow both get hit. */
    private Position pick(List<Position> positions) {
        if (random.nextBoolean()) {
            return positions.get(1 + random.nextInt(positions.size() - 1));
        }
        int maxDepth = 0;
        for (Position position : positions) {
            maxDepth = Math.max(maxDepth, depth(position));
        }
        int depth = 1 + random.nextInt(maxDepth);
        List<Position> level = positions.stream().filter(p -> depth(p) == depth).toList();
        return level.isEmpty()
                ? positions.get(1 + random.nextInt(positions.size() - 1))
                : level.get(random.nextInt(level.size()));
    }

    private static int depth(Position position) {
        return (int) position.pointer().chars().filter(c -> c == '/').count();
    }

    private static void collect(JsonNode parent, String field, int index, String pointer, JsonNode node,
            List<Position> out) {
        out.add(new Position(parent, field, index, pointer, node));
        if (out.size() > 200_000) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> member = fields.next();
                collect(node, member.getKey(), -1, pointer + "/" + escape(member.getKey()), member.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node, null, i, pointer + "/" + i, node.get(i), out);
            }
        }
    }

    private void replace(Position at, JsonNode value, String step) {
        if (at.parent() == null) {
            root = value;
        } else if (at.parent() instanceof ObjectNode object) {
            object.set(at.field(), value);
        } else {
            ((ArrayNode) at.parent()).set(at.index(), value);
        }
        steps.add(step);
    }

    private void drop(Position at) {
        if (at.parent() == null) {
            replace(at, NODES.objectNode(), "drop the whole document");
        } else if (at.parent() instanceof ObjectNode object) {
            object.remove(at.field());
            steps.add("drop " + at.shown());
        } else {
            ((ArrayNode) at.parent()).remove(at.index());
            steps.add("drop " + at.shown());
        }
    }

    private JsonNode otherType(JsonNode current) {
        List<JsonNode> options = List.of(NODES.nullNode(), NODES.numberNode(0), NODES.numberNode(-1),
                NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new BigInteger("123456789012345678901234567890")),
                NODES.numberNode(1.5), NODES.numberNode(-1e308), NODES.booleanNode(true), NODES.booleanNode(false),
                NODES.textNode(""), NODES.textNode("x"),
                NODES.textNode(current.isContainerNode() ? "{}" : current.asText()),
                NODES.objectNode(), NODES.objectNode().put("x", 1), NODES.arrayNode(), NODES.arrayNode().add("a"),
                NODES.arrayNode().add(current.deepCopy()), NODES.objectNode().set("value", current.deepCopy()));
        for (int tries = 0; tries < 20; tries++) {
            JsonNode option = options.get(random.nextInt(options.size()));
            if (option.getNodeType() != current.getNodeType()) {
                return option;
            }
        }
        return NODES.nullNode();
    }

    private static JsonNode empty(JsonNode node) {
        if (node.isArray()) {
            return NODES.arrayNode();
        }
        if (node.isObject()) {
            return NODES.objectNode();
        }
        return node.isNumber() ? NODES.numberNode(0) : NODES.textNode("");
    }

    private void repeat(Position at) {
        if (!(at.parent() instanceof ArrayNode array)) {
            duplicateKey(at);
            return;
        }
        int times = 2 + random.nextInt(30);
        for (int i = 0; i < times; i++) {
            array.insert(at.index(), at.node().deepCopy());
        }
        steps.add("repeat " + at.shown() + " " + times + " more times");
    }

    private void duplicateKey(Position at) {
        if (at.parent() instanceof ArrayNode) {
            repeat(at);
            return;
        }
        if (!(at.parent() instanceof ObjectNode object)) {
            replace(at, NODES.arrayNode().add(at.node()).add(at.node().deepCopy()), "root doubled in an array");
            return;
        }
        String key = DUPLICATE + duplicates.size();
        duplicates.put(key, at.field());
        JsonNode value = random.nextBoolean() ? at.node().deepCopy() : otherType(at.node());
        object.set(key, value);
        steps.add("member " + at.shown() + " named twice, again as " + describe(value));
    }

    private void nest(Position at) {
        int[] depths = { 2, 8, 30, 60, 300 };
        int depth = depths[random.nextInt(depths.length)];
        boolean arrays = random.nextBoolean();
        String name = at.field() != null ? at.field() : "x";
        JsonNode value = at.node().deepCopy();
        for (int i = 0; i < depth; i++) {
            value = arrays ? NODES.arrayNode().add(value) : NODES.objectNode().set(name, value);
        }
        replace(at, value, "nest " + at.shown() + " " + depth + " levels in " + (arrays ? "arrays" : "objects"));
    }

    private void control(Position at) {
        String control = CONTROLS[random.nextInt(CONTROLS.length)];
        String text = at.node().isTextual() ? at.node().textValue() : "a";
        int offset = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        if (offset > 0 && offset < text.length() && Character.isLowSurrogate(text.charAt(offset))) {
            offset--;
        }
        String changed = text.substring(0, offset) + control + text.substring(offset);
        replace(at, NODES.textNode(changed), "control " + at.shown() + " " + escapeControls(control) + " at "
                + offset);
    }

    private void longString(Position at) {
        int[] lengths = { 1_000, 70_000, 400_000, 1_000_000 };
        int length = lengths[random.nextInt(lengths.length)];
        String unit;
        if ("pattern".equals(at.field()) && at.node().isTextual()) {
            unit = at.node().textValue() + (random.nextBoolean() ? " OR " : " AND ");
        } else if (at.node().isTextual() && !at.node().textValue().isEmpty()) {
            unit = at.node().textValue();
        } else {
            unit = random.nextBoolean() ? "a" : "\u00e9.";
        }
        StringBuilder text = new StringBuilder(length + unit.length());
        while (text.length() < length) {
            text.append(unit);
        }
        replace(at, NODES.textNode(text.toString()), "long " + at.shown() + " " + text.length() + " chars of "
                + shorten(unit));
    }

    private void huge(Position at) {
        int[] sizes = { 1_000, 5_000, 10_001 };
        int size = sizes[random.nextInt(sizes.length)];
        JsonNode element = at.node().isArray() && !at.node().isEmpty()
                ? at.node().get(random.nextInt(at.node().size()))
                : at.node();
        int bytes = write(element).length() + 1;
        size = Math.max(2, Math.min(size, MAX_BYTES / Math.max(1, bytes)));
        ArrayNode array = NODES.arrayNode(size);
        for (int i = 0; i < size; i++) {
            array.add(element.deepCopy());
        }
        replace(at, array, "huge " + at.shown() + " array of " + size + " copies");
    }

    private void replaceRoot() {
        List<JsonNode> options = List.of(NODES.arrayNode().add(root), NODES.objectNode().set("wrapper", root),
                NODES.nullNode(), NODES.numberNode(42), NODES.textNode("not a document"), NODES.arrayNode(),
                NODES.objectNode());
        int choice = random.nextInt(options.size());
        root = options.get(choice);
        steps.add("root -> " + describe(root));
    }

    private static String type(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String describe(JsonNode node) {
        String text = node.toString();
        return type(node) + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    /** A pointer short enough to read: deep ones keep their start and end. */
    private static String shortPointer(String pointer) {
        return pointer.length() <= 120
                ? pointer
                : pointer.substring(0, 50) + "/.../" + pointer.substring(
                        pointer.length() - 50) + " (" + pointer.length() + " chars)";
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String escapeControls(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return out.toString();
    }

    private static String quote(String key) {
        try {
            return JSON.writeValueAsString(key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text cut for descriptions. */
    private static String shorten(String text) {
        return escapeControls(text.length() > 30 ? text.substring(0, 30) + "..." : text);
    }
}
