package io.threatingest.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A discovery resource naming an API root that is not a URL stops the import with a usage error, not a crash. */
class TaxiiDiscoveryTest {

    FakeServer server;
    String discovery;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = new FakeServer("/taxii2/",
                exchange -> FakeServer.answer(exchange, 200, TaxiiSender.MEDIA_TYPE, discovery));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aDefaultRootThatIsNotAUrlIsAUsageError() throws Exception {
        discovery = "{\"title\":\"t\",\"default\":\"http://bad host/{root}\"}";
        Path file = dir.resolve("bundle.json");
        Files.writeString(file, "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[]}");
        ImportUsageTest.Run run = ImportUsageTest.run(Map.of(), "--url",
                server.url(), "--token", "t", "--collection",
                "0c9d8e7f-6a5b-4c3d-9e1f-0a9b8c7d6e5f", file.toString());
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("names an API root that is not a valid URL"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
