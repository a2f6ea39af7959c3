package io.threatingest.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How files are cut into requests, how each chunk's key is derived, and how formats are guessed. */
class ChunkingTest {

    final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    static List<Chunk> all(Chunker chunker) throws IOException {
        List<Chunk> chunks = new ArrayList<>();
        Chunk chunk;
        while ((chunk = chunker.next()) != null) {
            chunks.add(chunk);
        }
        return chunks;
    }

    @Test
    void textChunksAreWholeLinesBoundedByCountAndBytesAndKeepTheFileBytes() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            text.append("line ").append(i).append(i % 2 == 0 ? "\r\n" : "\n");
        }
        text.append("last line without end");
        Path file = dir.resolve("a.txt");
        Files.writeString(file, text);
        List<Chunk> chunks = all(new LineChunker(file, Format.TEXT, 10, 1 << 20));
        assertEquals(List.of(10, 10, 6), chunks.stream().map(Chunk::items).toList());
        assertEquals("lines 11-20", chunks.get(1).where());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (Chunk chunk : chunks) {
            joined.write(chunk.body());
        }
        assertArrayEquals(Files.readAllBytes(file), joined.toByteArray(), "chunks are the file, cut at line ends");

        List<Chunk> bySize = all(new LineChunker(file, Format.TEXT, 1000, 40));
        assertTrue(bySize.size() > 3);
        for (Chunk chunk : bySize) {
            assertTrue(chunk.body().length <= 40, new String(chunk.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aCsvRecordWithAQuotedLineBreakStaysInOneChunk() throws Exception {
        Path file = dir.resolve("a.csv");
        Files.writeString(file, "indicator,comment\n" + "a[.]example[.]com,\"one, two\"\n"
                + "b[.]example[.]com,\"spans\nlines, really\"\n" + "c[.]example[.]com,plain\n");
        List<Chunk> chunks = all(new LineChunker(file, Format.CSV, 2, 1 << 20));
        assertEquals(2, chunks.size());
        assertEquals("b[.]example[.]com,\"spans\nlines, really\"\nc[.]example[.]com,plain\n",
                new String(chunks.get(1).body(), StandardCharsets.UTF_8));
        assertEquals("lines 3-5", chunks.get(1).where());
    }

    @Test
    void ndjsonChunksKnowTheLineOfEachItem() throws Exception {
        Path file = dir.resolve("a.ndjson");
        Files.writeString(file, "{\"a\":1}\n\n{\"a\":2}\n  \n{\"a\":3}\n");
        List<Chunk> chunks = all(new LineChunker(file, Format.NDJSON, 3, 1 << 20));
        assertArrayEquals(new int[]{ 1, 3 }, chunks.get(0).origin().lines());
        assertArrayEquals(new int[]{ 5 }, chunks.get(1).origin().lines());
        LineChunker chunker = new LineChunker(file, Format.NDJSON, 3, 1 << 20);
        byte[] retry = chunker.retryBody(chunks.get(0),
                List.of(new Answers.Item(1, "unavailable", null, null, null, null, null)));
        assertEquals("{\"a\":2}\n", new String(retry, StandardCharsets.UTF_8));
    }

    @Test
    void keysAreTheSameForTheSameChunkAndDifferOtherwise() throws Exception {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "x[.]example[.]com\ny[.]example[.]com\n");
        String hash = IdempotencyKeys.sha256(file);
        Chunk first = all(new LineChunker(file, Format.TEXT, 1, 1 << 20)).get(0);
        Chunk again = all(new LineChunker(file, Format.TEXT, 1, 1 << 20)).get(0);
        String key = IdempotencyKeys.key(hash, Format.TEXT, "?submit=true", first);
        assertEquals(key, IdempotencyKeys.key(IdempotencyKeys.sha256(file), Format.TEXT, "?submit=true", again));
        assertTrue(key.matches("ti-import-[0-9a-f]{64}"), key);
        assertNotEquals(key, IdempotencyKeys.key(hash, Format.CSV, "?submit=true", first));
        assertNotEquals(key, IdempotencyKeys.key(hash, Format.TEXT, "?submit=true&tag=x", first));
        Chunk second = all(new LineChunker(file, Format.TEXT, 1, 1 << 20)).get(1);
        assertNotEquals(key, IdempotencyKeys.key(hash, Format.TEXT, "?submit=true", second));
        Files.writeString(file, "x[.]example[.]com\nz[.]example[.]com\n");
        assertNotEquals(key, IdempotencyKeys.key(IdempotencyKeys.sha256(file), Format.TEXT, "?submit=true", first),
                "another file content, another key");
    }

    static String object(String type, String id, String extra) {
        return "{\"type\":\"" + type + "\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\"" + extra + "}";
    }

    /** Relationships stay with their ends; an identity and a marking named by many objects travel with each. */
    @Test
    void aLargeBundleIsCutBetweenGroupsOfObjectsThatNameEachOther() throws Exception {
        List<String> objects = new ArrayList<>();
        String marking = "marking-definition--00000000-0000-4000-8000-00000000aaaa";
        objects.add(object("marking-definition", marking, ",\"definition_type\":\"statement\""));
        objects.add(object("identity", "identity--1", ",\"name\":\"x\""));
        for (int i = 0; i < 6; i++) {
            objects.add(object("domain-name", "domain-name--" + i, ",\"value\":\"d" + i
                    + ".example.com\",\"object_marking_refs\":[\"" + marking
                    + "\"],\"created_by_ref\":\"identity--1\""));
        }
        // relationships whose ends are far apart in the document
        objects.add(object("relationship", "relationship--a", ",\"relationship_type\":\"related-to\","
                + "\"source_ref\":\"domain-name--0\",\"target_ref\":\"domain-name--5\""));
        objects.add(object("grouping", "grouping--g", ",\"object_refs\":[\"domain-name--0\",\"domain-name--1\","
                + "\"domain-name--2\",\"domain-name--3\",\"domain-name--4\",\"domain-name--5\"]"));
        Path file = dir.resolve("big.json");
        Files.writeString(file, "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[" + String.join(",", objects)
                + "]}");
        List<Chunk> chunks = all(new StixChunker(file, json, 3, 1 << 20));
        List<List<String>> ids = new ArrayList<>();
        int reported = 0;
        for (Chunk chunk : chunks) {
            JsonNode bundle = json.readTree(chunk.body());
            assertEquals("bundle", bundle.get("type").asText());
            List<String> these = new ArrayList<>();
            bundle.get("objects").forEach(o -> these.add(o.get("id").asText()));
            ids.add(these);
            for (boolean primary : chunk.origin().primary()) {
                reported += primary ? 1 : 0;
            }
            if (these.contains("domain-name--3")) {
                assertTrue(these.contains(marking), "the marking travels with the objects it marks: " + these);
            }
        }
        assertEquals(objects.size(), reported, "every object reported exactly once");
        List<String> withRelationship = ids.stream().filter(c -> c.contains("relationship--a")).findFirst().get();
        assertTrue(withRelationship.containsAll(List.of("domain-name--0", "domain-name--5")),
                withRelationship.toString());
        assertFalse(ids.stream().anyMatch(c -> c.containsAll(List.of("domain-name--1", "domain-name--2",
                "domain-name--3", "domain-name--4"))), "the grouping's refs do not bind: " + ids);
        int[] origin = chunks.get(0).origin().objects();
        assertEquals("marking-definition--00000000-0000-4000-8000-00000000aaaa", ids.get(0).get(0));
        assertEquals(0, origin[0]);
    }

    @Test
    void aMispSearchAnswerIsCutIntoEventsAndPointersPointIntoTheFile() throws Exception {
        Path file = dir.resolve("events.json");
        Files.writeString(file, "{\"response\":[{\"Event\":{\"uuid\":\"e1\",\"Attribute\":[]}},"
                + "{\"Event\":{\"uuid\":\"e2\",\"Attribute\":[{\"uuid\":\"a\",\"type\":\"ip-dst\",\"value\":\"x\"},"
                + "{\"uuid\":\"b\",\"type\":\"domain\",\"value\":\"y\"}]}}]}");
        MispChunker chunker = new MispChunker(file, json, 1000);
        List<Chunk> chunks = all(chunker);
        assertEquals(2, chunks.size());
        assertEquals("e2", json.readTree(chunks.get(1).body()).at("/response/0/Event/uuid").asText());
        assertEquals("/response/1/Event/Attribute/1",
                MispChunker.filePointer(chunks.get(1), "/response/0/Event/Attribute/1"));
        byte[] retry = chunker.retryBody(chunks.get(1),
                List.of(new Answers.Item(1, "unavailable", "b", "domain", "/response/0/Event/Attribute/1", null,
                        null)));
        JsonNode again = json.readTree(retry);
        assertEquals(1, again.at("/response/0/Event/Attribute").size());
        assertEquals("b", again.at("/response/0/Event/Attribute/0/uuid").asText());
    }

    @Test
    void formatsAreGuessedByExtensionThenContent() throws Exception {
        FormatDetector detector = new FormatDetector(json);
        Path stix = dir.resolve("feed.json");
        Files.writeString(stix, "{\n \"type\": \"bundle\", \"objects\": []}");
        Path misp = dir.resolve("misp.json");
        Files.writeString(misp, "{\"response\": []}");
        Path ndjson = dir.resolve("trees.dat");
        Files.writeString(ndjson, "{\"type\":\"ip\"}\n{\"type\":\"ip\"}\n");
        Path csv = dir.resolve("export");
        Files.writeString(csv, "a,b\nc,d\ne,f\n");
        Path text = dir.resolve("notes");
        Files.writeString(text, "some words\nand more\n");
        assertEquals(Format.TEXT, detector.detect(Files.writeString(dir.resolve("x.log"), "{}")).format());
        assertEquals(Format.CSV, detector.detect(Files.writeString(dir.resolve("x.tsv"), "")).format());
        assertEquals(Format.NDJSON, detector.detect(Files.writeString(dir.resolve("x.jsonl"), "")).format());
        assertEquals(Format.STIX, detector.detect(stix).format());
        assertEquals(Format.MISP, detector.detect(misp).format());
        assertEquals(Format.NDJSON, detector.detect(ndjson).format());
        assertEquals(Format.CSV, detector.detect(csv).format());
        assertEquals(Format.TEXT, detector.detect(text).format());
        assertEquals("extension .json, content: \"type\": \"bundle\"", detector.detect(stix).why());
    }
}
