package io.threatingest.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The sender against a scripted server: 503, 429 and 409 are waited out for their Retry-After (capped) and the
 * same bytes are sent again with the same key; other refusals are final.
 */
class SenderTest {

    record Seen(String key, String body, String apiKey) {
    }

    HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final List<int[]> script = new ArrayList<>(); // {status, retry-after seconds or -1}

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(new Seen(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("api-key")));
            int[] step = script.isEmpty() ? new int[]{ 202, -1 } : script.remove(0);
            if (step[1] >= 0) {
                exchange.getResponseHeaders().add("Retry-After", Integer.toString(step[1]));
            }
            exchange.getResponseHeaders().add("x-error", "scripted " + step[0]);
            byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(step[0], body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    Sender sender(List<Duration> waits) {
        return new Sender(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
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
}
