package io.threatingest.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** A discovery resource naming an API root that is not a URL stops the import with a usage error, not a crash. */
class TaxiiDiscoveryTest {

    HttpServer server;
    String discovery;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/taxii2/", exchange -> {
            byte[] body = discovery.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", TaxiiSender.MEDIA_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aDefaultRootThatIsNotAUrlIsAUsageError() throws Exception {
        discovery = "{\"title\":\"t\",\"default\":\"http://bad host/{root}\"}";
        Path file = dir.resolve("bundle.json");
        Files.writeString(file, "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[]}");
        ImportUsageTest.Run run = ImportUsageTest.run(Map.of(), "--url",
                "http://127.0.0.1:" + server.getAddress().getPort(), "--token", "t", "--collection",
                "0c9d8e7f-6a5b-4c3d-9e1f-0a9b8c7d6e5f", file.toString());
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("names an API root that is not a valid URL"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
