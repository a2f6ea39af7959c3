package io.threatingest.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * MISP documents, one event per request: {@code {"response": [...]}} and a JSON array are cut into their
 * elements (each sent as {@code {"response": [element]}}, its pointers given back as the file's); an attribute
 * search ({@code {"response": {"Attribute": [...]}}}) into runs of attributes; a single event or object is sent as
 * it is.
 */
final class MispChunker implements Chunker {

    private static final Pattern TOP = Pattern.compile("^/(?:response/0/)?Event/(Attribute|Object)/(\\d+)");

    private final ObjectMapper json;
    private final Iterator<Chunk> chunks;

    MispChunker(Path file, ObjectMapper json, int maxAttributes) throws IOException {
        this.json = json;
        byte[] bytes = Files.readAllBytes(file);
        JsonNode document;
        try {
            document = json.readTree(bytes);
        } catch (IOException e) {
            document = null;
        }
        List<Chunk> out = new ArrayList<>();
        JsonNode response = document != null && document.isObject() ? document.get("response") : null;
        if (document != null && document.isArray() && document.size() > 1) {
            elements(document, "", out, bytes.length);
        } else if (response != null && response.isArray() && response.size() > 1) {
            elements(response, "/response", out, bytes.length);
        } else if (response != null && response.isObject() && response.path("Attribute").isArray()
                && response.get("Attribute").size() > maxAttributes) {
            attributeRuns(response.get("Attribute"), maxAttributes, out, bytes.length);
        } else {
            out.add(new Chunk(0, bytes, 1, bytes.length, "the document", Chunk.Origin.NONE));
        }
        chunks = out.iterator();
    }

    private void elements(JsonNode list, String at, List<Chunk> out, long fileBytes) throws IOException {
        for (int i = 0; i < list.size(); i++) {
            ObjectNode body = json.createObjectNode();
            body.putArray("response").add(list.get(i));
            out.add(new Chunk(i, json.writeValueAsBytes(body), 1, fileBytes / list.size(), at + "/" + i,
                    new Chunk.Origin(null, null, null, "/response/0", at + "/" + i)));
        }
    }

    private void attributeRuns(JsonNode attributes, int maxAttributes, List<Chunk> out, long fileBytes)
            throws IOException {
        int runs = (attributes.size() + maxAttributes - 1) / maxAttributes;
        for (int c = 0; c < runs; c++) {
            ArrayNode run = json.createArrayNode();
            int from = c * maxAttributes;
            for (int i = from; i < Math.min(attributes.size(), from + maxAttributes); i++) {
                run.add(attributes.get(i));
            }
            ObjectNode body = json.createObjectNode();
            body.putObject("response").set("Attribute", run);
            out.add(new Chunk(c, json.writeValueAsBytes(body), run.size(), fileBytes / runs,
                    "/response/Attribute/" + from + "-" + (from + run.size() - 1), new Chunk.Origin(null, null,
                            null, "/response/Attribute/", "/response/Attribute/+" + from)));
        }
    }

    /** The answer's pointer as a pointer into the file. */
    static String filePointer(Chunk chunk, String pointer) {
        Chunk.Origin origin = chunk.origin();
        if (pointer == null || origin.pointerFrom() == null || !pointer.startsWith(origin.pointerFrom())) {
            return pointer;
        }
        String rest = pointer.substring(origin.pointerFrom().length());
        if (origin.pointerTo().contains("/+")) {
            // an attribute run: /response/Attribute/<i> counts from the run's first attribute
            int plus = origin.pointerTo().indexOf("/+");
            int offset = Integer.parseInt(origin.pointerTo().substring(plus + 2));
            int slash = rest.indexOf('/');
            String number = slash < 0 ? rest : rest.substring(0, slash);
            try {
                return origin.pointerTo().substring(0, plus + 1) + (Integer.parseInt(number) + offset)
                        + (slash < 0 ? "" : rest.substring(slash));
            } catch (NumberFormatException e) {
                return pointer;
            }
        }
        return origin.pointerTo() + rest;
    }

    @Override
    public Chunk next() {
        return chunks.hasNext() ? chunks.next() : null;
    }

    /**
     * An event's unavailable attributes and objects again: the event with its {@code Attribute} and {@code Object}
     * lists cut down to them. Other shapes are not sent again ({@code null}).
     */
    @Override
    public byte[] retryBody(Chunk chunk, List<Answers.Item> unavailable) throws IOException {
        JsonNode document = json.readTree(chunk.body());
        ObjectNode top = topEvent(document);
        ObjectNode event = top != null ? top : responseEvent(document);
        if (event == null) {
            return null;
        }
        Set<String> wanted = wanted(unavailable);
        if (wanted == null) {
            return null;
        }
        ObjectNode copy = event.deepCopy();
        for (String list : List.of("Attribute", "Object")) {
            copy.set(list, kept(event.get(list), list, wanted));
        }
        ObjectNode body = json.createObjectNode();
        if (top != null) {
            body.set("Event", copy);
        } else {
            body.putArray("response").addObject().set("Event", copy);
        }
        return json.writeValueAsBytes(body);
    }

    /** {@code {"Event": {...}}}'s event. */
    private static ObjectNode topEvent(JsonNode document) {
        return document.isObject() && document.get("Event") instanceof ObjectNode event ? event : null;
    }

    /** {@code {"response": [{"Event": {...}}]}}'s one event. */
    private static ObjectNode responseEvent(JsonNode document) {
        return document.isObject() && document.path("response").isArray() && document.get("response").size() == 1
                && document.get("response").get(0).get("Event") instanceof ObjectNode event ? event : null;
    }

    /** {@code Attribute/<i>} and {@code Object/<i>} of each item, or {@code null} when a pointer is not one of them. */
    private static Set<String> wanted(List<Answers.Item> unavailable) {
        Set<String> wanted = new HashSet<>();
        for (Answers.Item item : unavailable) {
            Matcher m = TOP.matcher(item.pointer() == null ? "" : item.pointer());
            if (!m.find()) {
                return null;
            }
            wanted.add(m.group(1) + "/" + m.group(2));
        }
        return wanted;
    }

    private ArrayNode kept(JsonNode original, String list, Set<String> wanted) {
        ArrayNode kept = json.createArrayNode();
        if (original != null && original.isArray()) {
            for (int i = 0; i < original.size(); i++) {
                if (wanted.contains(list + "/" + i)) {
                    kept.add(original.get(i));
                }
            }
        }
        return kept;
    }
}
