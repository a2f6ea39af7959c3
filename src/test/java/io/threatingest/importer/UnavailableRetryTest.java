package io.threatingest.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Items a 202 reports unavailable (the broker took part of a batch): sent once more, alone, with a key of their
 * own; what is still unavailable after that is in the rejects file. The service is scripted here because a
 * partly taken batch cannot be provoked reliably on the real one.
 */
class UnavailableRetryTest {

    record Request(String key, String body) {
    }

    FakeServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<String> answers = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = new FakeServer("/api/ingest/v1/batch", exchange -> {
            requests.add(new Request(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    FakeServer.body(exchange)));
            FakeServer.answer(exchange, 202, "application/json", answers.remove(0));
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ImportUsageTest.Run importFile(Path file, Path rejects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ImportCommand.run(new String[]{ "--url", server.url(),
                "--token", "t", "--rejects", rejects.toString(), file.toString() }, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return new ImportUsageTest.Run(code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    private Path trees() throws Exception {
        Path file = dir.resolve("trees.ndjson");
        Files.writeString(file, "{\"n\":1}\n{\"n\":2}\n\n{\"n\":3}\n");
        return file;
    }

    @Test
    void unavailableItemsAreSentOnceMoreWithTheirOwnKey() throws Exception {
        answers.add("{\"accepted\":1,\"unavailable\":2,\"items\":[{\"index\":0,\"status\":\"accepted\"},"
                + "{\"index\":1,\"status\":\"unavailable\"},{\"index\":2,\"status\":\"unavailable\"}]}");
        answers.add("{\"accepted\":2,\"items\":[{\"index\":0,\"status\":\"accepted\"},"
                + "{\"index\":1,\"status\":\"accepted\"}]}");
        ImportUsageTest.Run run = importFile(trees(), dir.resolve("r.ndjson"));
        assertEquals(0, run.code(), run.err() + run.out());
        assertTrue(run.out().startsWith("accepted 3, rejected 0, not mapped 0, unavailable 0,"), run.out());
        assertEquals(2, requests.size());
        assertEquals("{\"n\":2}\n{\"n\":3}\n", requests.get(1).body());
        assertTrue(requests.get(1).key().startsWith("ti-import-"));
        assertNotEquals(requests.get(0).key(), requests.get(1).key());
        assertTrue(run.err().contains("2 items of chunk 0"), run.err());
    }

    @Test
    void whatIsStillUnavailableIsInTheRejectsFile() throws Exception {
        answers.add("{\"accepted\":1,\"unavailable\":1,\"items\":[{\"index\":0,\"status\":\"accepted\"},"
                + "{\"index\":1,\"status\":\"accepted\"},{\"index\":2,\"status\":\"unavailable\"}]}");
        answers.add("{\"accepted\":0,\"unavailable\":1,\"items\":[{\"index\":0,\"status\":\"unavailable\","
                + "\"error\":{\"message\":\"the broker did not take the event\"}}]}");
        Path rejects = dir.resolve("r.ndjson");
        ImportUsageTest.Run run = importFile(trees(), rejects);
        assertEquals(1, run.code(), run.out());
        assertTrue(run.out().startsWith("accepted 2, rejected 0, not mapped 0, unavailable 1,"), run.out());
        List<String> lines = Files.readAllLines(rejects);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("\"line\":4"), lines.get(0));
        assertTrue(lines.get(0).contains("\"status\":\"unavailable\",\"reason\":\"the broker did not take the event\""),
                lines.get(0));
    }
}
