package io.threatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.threatingest.importer.ImportCommandTestSupport;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.TestCredentials;

/**
 * {@code java -jar quarkus-run.jar import} as its own process, its output not a terminal, against the packaged
 * service: a 5,000-line IOC list stopped after two chunks, then imported again in full. Plain progress lines on
 * stderr (no carriage return), the summary last on stdout, the secret (given in the environment) nowhere, and
 * every indicator published exactly once.
 */
@BrokerFacing
@QuarkusIntegrationTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class ImportCommandIT {

    @InjectBroker
    BrokerQueues queues;

    @TempDir
    Path dir;

    record Result(int code, String out, String err, long millis) {
    }

    static Result importCommand(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString(), "import",
                "--url", "http://127.0.0.1:" + RestAssured.port, "--api-key", TestCredentials.REPORTER.keyId()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("THREAT_INGEST_API_SECRET", TestCredentials.REPORTER.secret());
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process, true));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process, false));
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the import did not finish");
        return new Result(process.exitValue(), out.get(), err.get(), (System.nanoTime() - start) / 1_000_000);
    }

    private static String read(Process process, boolean out) {
        try {
            return new String((out ? process.getInputStream() : process.getErrorStream()).readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anIocListImportedByThePackagedJarStoppedAndRunAgain() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("iocs.txt");
        Map<String, String> ids = ImportCommandTestSupport.iocList(file, 5000, u);
        String secret = TestCredentials.REPORTER.secret();

        Result first = importCommand("--stop-after-chunks", "2", file.toString());
        assertEquals(1, first.code(), first.err() + first.out());
        assertTrue(first.out().startsWith("accepted 2000, rejected 0, not mapped 0, unavailable 0, files 0, chunks 2,"),
                first.out());

        Result run = importCommand("--progress-interval", "0.05", file.toString());
        System.out.println("packaged import of 5,000 lines (3 new chunks, 2 replayed), process included: "
                + run.millis() + " ms");
        assertEquals(0, run.code(), run.err() + run.out());
        List<String> out = run.out().lines().toList();
        assertEquals(2, out.size(), "stdout holds the summary only: " + run.out());
        assertTrue(out.get(0).matches("accepted 5000, rejected 0, not mapped 0, unavailable 0, files 1, chunks 5 "
                + "\\(2 replayed\\), time [0-9.]+ s"), out.get(0));
        assertEquals("rejects: none", out.get(1));
        assertTrue(run.err().contains("import: " + file + ": text (extension .txt) -> /api/ingest/v1/extract"),
                run.err());
        assertFalse(run.err().contains("\r") || run.out().contains("\r"), "no carriage return without a terminal");
        for (String line : run.err().lines().toList()) {
            assertTrue(line.startsWith("import: "), "every stderr line is the command's: " + line);
        }
        assertTrue(run.err().lines().anyMatch(l -> l.matches(
                "import: \\d+ sent, \\d+ accepted, \\d+ rejected, \\d+/s, \\d\\d:\\d\\d:\\d\\d left")), run.err());
        for (Result result : List.of(first, run)) {
            assertFalse(result.out().contains(secret) || result.err().contains(secret), "the secret was printed");
        }
        Set<String> expected = new HashSet<>(ids.values());
        ImportCommandTestSupport.assertEachOnce(ImportCommandTestSupport.rootCounts(queues.entities(), expected),
                expected);
    }
}
