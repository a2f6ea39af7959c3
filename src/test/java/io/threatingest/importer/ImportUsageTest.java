package io.threatingest.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors and an unreachable service: exit code 2, a message that says what is wrong, no secret echoed. */
class ImportUsageTest {

    static final String SECRET = "s3cr3t-value-that-must-not-leak";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ImportCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, duration -> {
                });
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file() throws IOException {
        Path file = dir.resolve("iocs.txt");
        Files.writeString(file, "evil[.]example[.]com\n");
        return file;
    }

    private static void assertUsage(Run run, String messagePart) {
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains(messagePart), run.err());
        assertFalse(run.err().contains(SECRET) || run.out().contains(SECRET), "a secret was echoed");
    }

    @Test
    void afterADoubleDashEveryArgumentIsAFile() throws Exception {
        assertUsage(run(Map.of(), "--url", "http://127.0.0.1:1", "--api-key", "k", "--api-secret", SECRET, "--",
                "--format"), "no such file: --format");
    }

    @Test
    void noUrl() throws Exception {
        assertUsage(run(Map.of(), "--api-key", "k", "--api-secret", SECRET, file().toString()), "--url is required");
    }

    @Test
    void noCredentials() throws Exception {
        assertUsage(run(Map.of(), "--url", "http://127.0.0.1:1", file().toString()), "credentials are required");
        assertUsage(run(Map.of(), "--url", "http://127.0.0.1:1", "--api-key", "k", file().toString()),
                "needs both --api-key and --api-secret");
    }

    @Test
    void tokenAndKeyPairTogether() throws Exception {
        assertUsage(run(Map.of(), "--url", "http://127.0.0.1:1", "--token", SECRET, "--api-key", "k",
                "--api-secret", SECRET, file().toString()), "not both");
    }

    @Test
    void unknownFormat() throws Exception {
        assertUsage(run(Map.of(), "--url", "http://127.0.0.1:1", "--api-key", "k", "--api-secret", SECRET,
                "--format", "xml", file().toString()), "unknown format 'xml'");
    }

    @Test
    void missingFile() {
        assertUsage(run(Map.of(), "--url", "http://127.0.0.1:1", "--api-key", "k", "--api-secret", SECRET,
                dir.resolve("nope.txt").toString()), "no such file: " + dir.resolve("nope.txt"));
        assertUsage(run(Map.of(), "--url", "http://127.0.0.1:1", "--api-key", "k", "--api-secret", SECRET),
                "name at least one file");
    }

    @Test
    void unknownOptionAndTaxiiCollection() throws Exception {
        assertUsage(run(Map.of(), "--url", "http://127.0.0.1:1", "--token", SECRET, "--colour", "red",
                file().toString()), "unknown option --colour");
        assertUsage(run(Map.of(), "--url", "http://127.0.0.1:1", "--token", SECRET, "--collection", "c1",
                file().toString()), "--collection sends STIX 2.1 bundles only; import this file without --collection");
        assertUsage(run(Map.of(), "--url", "http://127.0.0.1:1", "--token", SECRET, "--collection", "c1",
                "--format", "csv", file().toString()), "--collection sends STIX 2.1 only; --format csv");
        assertUsage(run(Map.of(), "--url", "http://127.0.0.1:1", "--token", SECRET, "--api-root", "ingest",
                file().toString()), "--api-root is only used with --collection");
    }

    @Test
    void aJsonFileOfNoKnownKind() throws Exception {
        Path file = dir.resolve("thing.json");
        Files.writeString(file, "{\n  \"hello\": \"world\"\n}\n");
        assertUsage(run(Map.of(), "--url", "http://127.0.0.1:1", "--token", SECRET, file.toString()),
                "name its format with --format");
    }

    @Test
    void helpPrintsTheUsage() {
        Run run = run(Map.of(), "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().startsWith("usage: import --url"), run.out());
        for (String option : List.of("--format", "--rejects", "--progress", "--collection", "--token-file",
                "--api-secret-file", "--chunk-size", "--stop-after-chunks")) {
            assertTrue(run.out().contains(option), option);
        }
    }

    /** Credentials from the environment; nothing listens on the port: exit 2 after the bounded attempts. */
    @Test
    void unreachableServiceWithCredentialsFromTheEnvironment() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> args = new ArrayList<>(List.of("--url", "http://127.0.0.1:" + port, file().toString()));
        Run run = run(Map.of("THREAT_INGEST_API_KEY", "k", "THREAT_INGEST_API_SECRET", SECRET),
                args.toArray(String[]::new));
        assertUsage(run, "the service could not be reached");
        assertTrue(run.err().contains("after " + Sender.MAX_CONNECTION_ATTEMPTS + " attempts"), run.err());
        assertTrue(run.out().startsWith("accepted 0,"), run.out());
    }

    @Test
    void secretsFromFiles() throws Exception {
        Path secretFile = dir.resolve("secret");
        Files.writeString(secretFile, SECRET + "\n");
        ImportOptions options = ImportOptions.parse(new String[]{ "--url", "http://127.0.0.1:1", "--api-key", "k",
                "--api-secret-file", secretFile.toString(), file().toString() }, Map.of(), false);
        assertEquals(SECRET, options.credentials().apiSecret());
        assertFalse(options.credentials().toString().contains(SECRET));
        assertEquals(dir.resolve("iocs.txt.rejects.ndjson").toAbsolutePath(), options.rejects());
        assertEquals(Progress.Mode.LINES, options.progress());
        ImportOptions mixed = ImportOptions.parse(new String[]{ "--url", "http://127.0.0.1:1", "--api-key", "k",
                file().toString() }, Map.of("THREAT_INGEST_API_SECRET", SECRET, "THREAT_INGEST_TOKEN", "t"), false);
        assertEquals("k", mixed.credentials().apiKey());
        assertEquals(SECRET, mixed.credentials().apiSecret(), "the flag's key with the environment's secret");
        assertEquals(null, mixed.credentials().token());
        assertEquals(Progress.Mode.BAR, ImportOptions.parse(new String[]{ "--url", "http://127.0.0.1:1", "--token",
                "t", file().toString() }, Map.of(), true).progress());
    }
}
