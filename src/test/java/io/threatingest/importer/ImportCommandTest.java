package io.threatingest.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.Sha3;
import io.threatingest.support.TestCredentials;

/**
 * The import command in-process against the running service and the embedded broker: an IOC list, a CSV export,
 * the STIX and MISP samples, NDJSON with an invalid line, an interrupted import run again, the plain progress
 * lines, and no secret anywhere in the output or the rejects file.
 */
@BrokerFacing
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class ImportCommandTest {

    static final Pattern SUMMARY = Pattern.compile("accepted (\\d+), rejected (\\d+), not mapped (\\d+), "
            + "unavailable (\\d+), files (\\d+), chunks (\\d+)(?: \\((\\d+) replayed\\))?, time [0-9.]+ s");

    final ObjectMapper json = new ObjectMapper();

    @InjectBroker
    BrokerQueues queues;

    @TempDir
    Path dir;

    record Run(int code, String out, String err, long millis) {

        Matcher summary() {
            List<String> lines = out.lines().toList();
            assertTrue(lines.size() >= 2, out);
            Matcher m = SUMMARY.matcher(lines.get(lines.size() - 2));
            assertTrue(m.matches(), "summary: " + out);
            return m;
        }

        long count(int group) {
            String value = summary().group(group);
            return value == null ? 0 : Long.parseLong(value);
        }

        long accepted() {
            return count(1);
        }

        long rejected() {
            return count(2);
        }

        long notMapped() {
            return count(3);
        }

        long chunks() {
            return count(6);
        }

        long replayed() {
            return count(7);
        }

        void assertNoSecret() {
            String secret = TestCredentials.REPORTER.secret();
            assertFalse(out.contains(secret) || err.contains(secret), "the secret was printed");
        }
    }

    static Run run(String... args) {
        return runAs(TestCredentials.REPORTER.secret(), args);
    }

    static Run runAs(String secret, String... args) {
        return runWithKey(TestCredentials.REPORTER.keyId(), secret, args);
    }

    static Run runWithKey(String keyId, String secret, String... args) {
        return runWith(List.of("--api-key", keyId, "--api-secret", secret), args);
    }

    /** The import with a Bearer token instead of a key pair. */
    static Run runWithToken(String token, String... args) {
        Run run = runWith(List.of("--token", token), args);
        assertFalse(run.out().contains(token) || run.err().contains(token), "the token was printed");
        return run;
    }

    private static Run runWith(List<String> credentials, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", "http://127.0.0.1:" + RestAssured.port));
        all.addAll(credentials);
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int code = ImportCommand.run(all.toArray(String[]::new), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        Run run = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                (System.nanoTime() - start) / 1_000_000);
        run.assertNoSecret();
        return run;
    }

    @Test
    void aFiveThousandLineIocList() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("iocs.txt");
        Map<String, String> ids = ImportCommandTestSupport.iocList(file, 5000, u);
        Run run = run("--progress-interval", "0.01", "--tag", "import-" + u, file.toString());
        assertEquals(0, run.code(), run.err() + run.out());
        assertEquals(5000, run.accepted());
        assertEquals(0, run.rejected());
        assertEquals(5, run.chunks(), "1000 lines per chunk");
        assertTrue(run.err().contains(file + ": text (extension .txt) -> /api/ingest/v1/extract"), run.err());
        assertEquals("rejects: none", run.out().lines().reduce((a, b) -> b).get());
        ImportCommandTestSupport.assertEachOnce(
                ImportCommandTestSupport.rootCounts(queues.entities(), new HashSet<>(ids.values())),
                new HashSet<>(ids.values()));
        System.out.println("5,000-line import took " + run.millis() + " ms");

        // no terminal: plain lines, no carriage return, the summary last on stdout
        assertFalse(run.err().contains("\r") || run.out().contains("\r"));
        List<String> progress = run.err().lines().filter(l -> l.matches(
                "import: \\d+ sent, \\d+ accepted, \\d+ rejected, \\d+/s, \\d\\d:\\d\\d:\\d\\d left")).toList();
        assertFalse(progress.isEmpty(), run.err());
        assertFalse(Files.exists(Path.of(file + ".rejects.ndjson")), "no rejects file when nothing is refused");
    }

    @Test
    void aCsvExport() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("export.csv");
        Files.writeString(file, """
                first_seen,indicator,kind,comment
                2026-11-01,"c2-%1$s[.]example[.]com",domain,"beacon, every 60 s"
                2026-11-02,"hxxp://drop-%1$s[.]example[.]net/x.bin",url,"seen in two waves,
                then again in March"
                2026-11-03,"198.51.100[.]%2$d",ip,"scanner, noisy"
                """.formatted(u, 1 + new Random().nextInt(250)));
        Run run = run("--reputation", "-2", "--chunk-size", "2", file.toString());
        assertEquals(0, run.code(), run.err() + run.out());
        assertEquals(3, run.accepted(), run.out());
        assertEquals(2, run.chunks(), "header + first record, then two records (one spans two lines)");
        assertTrue(run.err().contains("csv (extension .csv)"), run.err());
        Set<String> ids = Set.of(Sha3.id("domain", "c2-" + u + ".example.com"),
                Sha3.id("url", "http://drop-" + u + ".example.net/x.bin"));
        ImportCommandTestSupport.assertEachOnce(ImportCommandTestSupport.rootCounts(queues.entities(), ids), ids);
    }

    static String sample(String path) throws IOException {
        try (InputStream in = ImportCommandTest.class.getResourceAsStream("/samples/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    List<JsonNode> rejects(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(json.readTree(line));
        }
        String all = Files.readString(file);
        assertFalse(all.contains(TestCredentials.REPORTER.secret()), "secret in the rejects file");
        return lines;
    }

    /**
     * The MISP-exported STIX sample, whole and cut into chunks of 5 objects (its largest group of objects that
     * name each other): the same accepted and not-mapped counts as /stix reports for the bundle, and the rejects
     * file lists the not-mapped objects with reasons. Cut into chunks of 4, that group is split and its
     * relationship, away from an end, is not mapped: the documented cost of cutting a group.
     */
    @Test
    void aStixSampleWholeAndCut() throws Exception {
        String bundle = sample("stix/misp-events-collection.stix21.json");
        JsonPath report = TestCredentials.reporter().contentType("application/json").body(bundle)
                .post("/api/ingest/v1/stix?dryRun=true").then().statusCode(200).extract().jsonPath();
        Path file = dir.resolve("collection.json");
        Files.writeString(file, bundle);
        Set<String> notMapped = new LinkedHashSet<>();
        List<Map<String, Object>> objects = report.getList("objects");
        for (Map<String, Object> object : objects) {
            if ("not-mapped".equals(object.get("status"))) {
                notMapped.add(object.get("ref") + " " + object.get("pointer") + " " + object.get("reason"));
            }
        }
        for (String chunkSize : List.of("1000", "5")) {
            Path rejects = dir.resolve("stix-" + chunkSize + ".rejects.ndjson");
            Run run = run("--chunk-size", chunkSize, "--rejects", rejects.toString(), file.toString());
            assertEquals(1, run.code(), run.out());
            assertTrue(run.err().contains("stix (extension .json, content: \"type\": \"bundle\")"), run.err());
            assertEquals(report.getInt("accepted"), run.accepted(), chunkSize + ": " + run.out());
            assertEquals(report.getInt("notMapped"), run.notMapped(), chunkSize + ": " + run.out());
            assertEquals(report.getInt("rejected"), run.rejected());
            Set<String> listed = new LinkedHashSet<>();
            for (JsonNode line : rejects(rejects)) {
                assertEquals(file.toString(), line.get("file").asText());
                listed.add(line.get("ref").asText() + " " + line.get("pointer").asText() + " "
                        + line.get("reason").asText());
                assertEquals("not-mapped", line.get("status").asText());
            }
            assertEquals(notMapped, listed, "chunk size " + chunkSize);
            assertTrue(run.out().endsWith("rejects: " + rejects + " (" + notMapped.size() + " lines)\n"), run.out());
            if (chunkSize.equals("5")) {
                assertTrue(run.chunks() > 3, run.out());
            }
        }
        Path rejects = dir.resolve("stix-4.rejects.ndjson");
        Run cut = run("--chunk-size", "4", "--rejects", rejects.toString(), file.toString());
        assertEquals(report.getInt("accepted") - 1, cut.accepted(), cut.out());
        assertEquals(report.getInt("notMapped") + 1, cut.notMapped(), cut.out());
        JsonNode relationship = rejects(rejects).stream()
                .filter(l -> l.get("ref").asText().equals("relationship--b7ceed29-39a8-4aaa-b3f9-688ca5bf3949"))
                .findFirst().orElseThrow();
        assertEquals("/objects/14", relationship.get("pointer").asText());
        assertTrue(relationship.get("reason").asText().contains("is not in the document"), relationship.toString());
    }

    @Test
    void aMispSampleAndNdjsonWithAnInvalidLine() throws Exception {
        String events = sample("misp/events-collection-1.json");
        JsonPath report = TestCredentials.reporter().contentType("application/json").body(events)
                .post("/api/ingest/v1/misp?dryRun=true").then().statusCode(200).extract().jsonPath();
        Path misp = dir.resolve("events.json");
        Files.writeString(misp, events);
        String u = UUID.randomUUID().toString().substring(0, 8);
        Path ndjson = dir.resolve("trees.ndjson");
        Files.writeString(ndjson, "{\"type\":\"domain\",\"attributes\":{\"domain\":\"a-" + u + ".example.com\"}}\n"
                + "\n"
                + "{\"type\":\"ip\",\"attributes\":{\"ip\":\"999.1.1.1\"}}\n"
                + "{\"type\":\"domain\",\"attributes\":{\"domain\":\"b-" + u + ".example.com\"},\"associations\":"
                + "[{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.51.100.77\"}}]}\n");
        Path rejects = dir.resolve("both.rejects.ndjson");
        Run run = run("--rejects", rejects.toString(), misp.toString(), ndjson.toString());
        assertEquals(1, run.code(), run.out());
        assertTrue(run.err().contains("misp (extension .json, content: a MISP \"Event\"/\"response\")"), run.err());
        assertTrue(run.err().contains("ndjson (extension .ndjson) -> /api/ingest/v1/batch"), run.err());
        assertEquals(report.getInt("accepted") + 2, run.accepted(), run.out());
        assertEquals(report.getInt("notMapped"), run.notMapped(), run.out());
        assertEquals(report.getInt("rejected") + 1, run.rejected(), run.out());
        assertEquals(2, run.count(5), "files");
        List<JsonNode> lines = rejects(rejects);
        JsonNode invalid = lines.stream().filter(l -> l.get("file").asText().equals(ndjson.toString())).findFirst()
                .orElseThrow();
        assertEquals(3, invalid.get("line").asInt(), "the file's line, blank lines counted");
        assertEquals("rejected", invalid.get("status").asText());
        assertTrue(invalid.get("reason").asText().contains("999.1.1.1")
                || invalid.get("reason").asText().toLowerCase().contains("ip"), invalid.toString());
        assertTrue(invalid.get("reason").asText().contains("/entities/1/attributes/ip"), invalid.toString());
        long mispLines = lines.stream().filter(l -> l.get("file").asText().equals(misp.toString())).count();
        assertEquals(report.getInt("notMapped") + report.getInt("rejected"), mispLines);
        Set<String> ids = Set.of(Sha3.id("domain", "a-" + u + ".example.com"), Sha3.id("domain", "b-" + u
                + ".example.com"));
        ImportCommandTestSupport.assertEachOnce(ImportCommandTestSupport.rootCounts(queues.entities(), ids), ids);
    }

    @Test
    void refusedCredentialsStopTheImportWithoutEchoingTheSecret() throws Exception {
        Path file = dir.resolve("one.txt");
        Files.writeString(file, "evil-401[.]example[.]com\n");
        String wrong = "wrong-" + UUID.randomUUID();
        Run run = runAs(wrong, file.toString());
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("the service refused the credentials (401: "), run.err());
        assertFalse(run.err().contains(wrong) || run.out().contains(wrong), "the secret was printed");
        assertEquals(0, run.accepted());
    }

    /** Stopped after two chunks, then run again in full: each chunk's entities are published exactly once. */
    @Test
    void anInterruptedImportRunAgainPublishesNothingTwice() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("restart.txt");
        Map<String, String> ids = ImportCommandTestSupport.iocList(file, 3000, u);
        Run first = run("--chunk-size", "500", "--stop-after-chunks", "2", file.toString());
        assertEquals(1, first.code(), first.out());
        assertEquals(2, first.chunks());
        assertEquals(1000, first.accepted());
        assertTrue(first.err().contains("stopped after 2 chunks"), first.err());

        Run second = run("--chunk-size", "500", file.toString());
        assertEquals(0, second.code(), second.err() + second.out());
        assertEquals(3000, second.accepted(), "the replayed chunks' answers count as before");
        assertEquals(6, second.chunks());
        assertEquals(2, second.replayed(), "the two chunks sent before are answered from the service's memory");
        Set<String> expected = new HashSet<>(ids.values());
        ImportCommandTestSupport.assertEachOnce(ImportCommandTestSupport.rootCounts(queues.entities(), expected),
                expected);
    }

    /** The test profile's public collection: its entities get the tags {@code taxii} and {@code test-feed}. */
    static final String FEED = "b6f4c3e2-1a0d-4c5b-8e7f-9a8b7c6d5e4f";

    /**
     * {@code --collection}: the STIX sample goes to the TAXII collection (discovered API root) with the counts
     * /stix reports for the bundle, its entities published with the collection's tags; run again (also with
     * {@code --api-root} naming the root) every chunk is replayed and nothing is published twice. An unknown
     * collection, a caller without write access and a file that is not STIX are exit 2 with the reason.
     */
    @Test
    void aStixSampleToATaxiiCollection() throws Exception {
        String bundle = sample("stix/indicators-for-C2-with-COA.json");
        JsonPath report = TestCredentials.reporter().contentType("application/json").body(bundle)
                .post("/api/ingest/v1/stix?dryRun=true").then().statusCode(200).extract().jsonPath();
        Set<String> ids = new HashSet<>();
        List<Map<String, Object>> objects = report.getList("objects");
        for (Map<String, Object> object : objects) {
            Object list = object.get("ids");
            if (list instanceof List<?> l) {
                l.forEach(id -> ids.add((String) id));
            }
        }
        assertFalse(ids.isEmpty(), report.prettify());
        Path file = dir.resolve("c2.json");
        Files.writeString(file, bundle);
        Path rejects = dir.resolve("c2.rejects.ndjson");
        int before = taggedEvents(ids);

        Run first = run("--collection", FEED, "--rejects", rejects.toString(), file.toString());
        assertTrue(first.err().contains("-> http://127.0.0.1:" + RestAssured.port + "/taxii2/ingest/collections/"
                + FEED + "/objects/"), first.err());
        assertEquals(report.getInt("accepted"), first.accepted(), first.out());
        assertEquals(report.getInt("notMapped"), first.notMapped(), first.out());
        assertEquals(report.getInt("rejected"), first.rejected(), first.out());
        assertEquals(report.getInt("accepted") == objects.size() ? 0 : 1, first.code(), first.out());
        assertEquals(0, first.replayed());
        if (report.getInt("notMapped") + report.getInt("rejected") > 0) {
            List<JsonNode> lines = rejects(rejects);
            assertEquals(report.getInt("notMapped") + report.getInt("rejected"), lines.size());
            for (JsonNode line : lines) {
                assertTrue(Set.of("not-mapped", "rejected").contains(line.get("status").asText()), line.toString());
                assertFalse(line.get("reason").asText().startsWith("rejected: "), line.toString());
                assertTrue(line.get("pointer").asText().startsWith("/objects/"), line.toString());
                assertEquals(line.get("ref").asText().substring(0, line.get("ref").asText().indexOf("--")),
                        line.get("kind").asText());
            }
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (taggedEvents(ids) == before && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        int after = taggedEvents(ids);
        assertTrue(after > before, "no event with the collection's tags");

        Run again = run("--collection", FEED, "--rejects", dir.resolve("again.ndjson").toString(), file.toString());
        Run named = run("--collection", FEED, "--api-root", "ingest", "--rejects",
                dir.resolve("named.ndjson").toString(), file.toString());
        for (Run rerun : List.of(again, named)) {
            assertEquals(first.code(), rerun.code(), rerun.out());
            assertEquals(rerun.chunks(), rerun.replayed(), rerun.out());
            assertEquals(first.accepted(), rerun.accepted(), rerun.out());
            assertEquals(first.notMapped(), rerun.notMapped(), rerun.out());
        }
        Thread.sleep(1000);
        assertEquals(after, taggedEvents(ids), "published again");

        String unknown = UUID.randomUUID().toString();
        Run missing = run("--collection", unknown, file.toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("TAXII collection " + unknown) && missing.err().contains(": 404 "),
                missing.err());
        Run readOnly = runWithKey(TestCredentials.TRUSTED.keyId(), TestCredentials.TRUSTED.secret(), "--collection",
                FEED,
                file.toString());
        assertEquals(2, readOnly.code(), readOnly.err());
        assertTrue(readOnly.err().contains("TAXII collection " + FEED) && readOnly.err().contains(": 403 "),
                readOnly.err());

        Path text = dir.resolve("iocs.txt");
        Files.writeString(text, "evil[.]example[.]com\n");
        Run notStix = run("--collection", FEED, text.toString());
        assertEquals(2, notStix.code(), notStix.err());
        assertTrue(notStix.err().contains("--collection sends STIX 2.1 bundles only"), notStix.err());
    }

    /** Events holding an entity with one of these IDs and the test collection's tags. */
    int taggedEvents(Set<String> ids) {
        int count = 0;
        for (var message : new ArrayList<>(queues.entities().received())) {
            io.vertx.core.json.JsonObject event = message.body().toJsonObject();
            boolean tagged = false;
            for (Object entity : event.getJsonArray("entities")) {
                io.vertx.core.json.JsonObject e = (io.vertx.core.json.JsonObject) entity;
                io.vertx.core.json.JsonArray tags = e.getJsonArray("tags");
                if (ids.contains(e.getString("id")) && tags != null && tags.contains("taxii")
                        && tags.contains("test-feed")) {
                    tagged = true;
                }
            }
            if (tagged) {
                count++;
            }
        }
        return count;
    }
}
