package io.threatingest.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender against a scripted server: 503, 429 and 409 are waited out for their Retry-After (capped) and the
 * same bytes are sent again with the same key; other refusals are final.
 */
class SenderTest {

    record Seen(String key, String body, String apiKey) {
    }

    FakeServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final List<int[]> script = new ArrayList<>(); // {status, retry-after seconds or -1}

    @BeforeEach
    void start() throws Exception {
        server = new FakeServer("/", exchange -> {
            seen.add(new Seen(exchange.getRequestHeaders().getFirst("Idempotency-Key"), FakeServer.body(exchange),
                    exchange.getRequestHeaders().getFirst("api-key")));
            int[] step = script.isEmpty() ? new int[]{ 202, -1 } : script.remove(0);
            if (step[1] >= 0) {
                exchange.getResponseHeaders().add("Retry-After", Integer.toString(step[1]));
            }
            exchange.getResponseHeaders().add("x-error", "scripted " + step[0]);
            FakeServer.answer(exchange, step[0], null, "{\"items\":[]}");
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Sender sender(List<Duration> waits) {
        return new Sender(URI.create(server.url()),
                new ImportOptions.Credentials(null, "key-1", "secret-1"), Duration.ofSeconds(60),
                Duration.ofSeconds(10), waits::add, notice -> {
                });
    }

    @Test
    void waitsOutRetryAfterAndSendsTheSameChunkWithTheSameKey() throws Exception {
        script.add(new int[]{ 503, 2 });
        script.add(new int[]{ 429, 7 });
        script.add(new int[]{ 409, 1 });
        script.add(new int[]{ 429, 3600 });
        List<Duration> waits = new ArrayList<>();
        Sender.Answer answer = sender(waits).post("/api/ingest/v1/batch", "application/x-ndjson",
                "{\"type\":\"ip\"}\n".getBytes(StandardCharsets.UTF_8), "ti-import-abc");
        assertEquals(202, answer.status());
        assertEquals(4, answer.waits());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(7), Duration.ofSeconds(1),
                Duration.ofSeconds(60)), waits, "Retry-After honoured, capped at the maximum wait");
        assertEquals(5, seen.size());
        for (Seen request : seen) {
            assertEquals("ti-import-abc", request.key());
            assertEquals("{\"type\":\"ip\"}\n", request.body());
            assertEquals("key-1", request.apiKey());
        }
    }

    @Test
    void otherRefusalsAreFinal() throws Exception {
        script.add(new int[]{ 413, -1 });
        List<Duration> waits = new ArrayList<>();
        Sender.Answer answer = sender(waits).post("/x", "text/plain", new byte[]{ 'a' }, "k");
        assertEquals(413, answer.status());
        assertEquals("scripted 413", answer.error());
        assertTrue(waits.isEmpty());
        assertEquals(1, seen.size());
    }

    @Test
    void waitNoticesUseADecimalPointWhateverTheMachineLocale() throws Exception {
        script.add(new int[]{ 503, 0 });
        List<String> notices = new ArrayList<>();
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            Sender sender = new Sender(URI.create(server.url()),
                    new ImportOptions.Credentials(null, "key-1", "secret-1"),
                    Duration.ofSeconds(60), Duration.ofSeconds(10), wait -> {
                    }, notices::add);
            assertEquals(202, sender.post("/api/ingest/v1/batch", "application/x-ndjson",
                    "{\"type\":\"ip\"}\n".getBytes(StandardCharsets.UTF_8), "ti-import-locale").status());
        } finally {
            Locale.setDefault(before);
        }
        assertEquals(List.of("503 (scripted 503); waiting 0.2 s"), notices);
    }
}
