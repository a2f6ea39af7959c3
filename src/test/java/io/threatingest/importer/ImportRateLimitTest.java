package io.threatingest.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.threatingest.importer.ImportCommandTest.Run;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;

/** A rate limit of two requests at once and one a second: the import waits out each 429 and finishes. */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(ImportRateLimitTest.TightLimit.class)
class ImportRateLimitTest {

    public static class TightLimit implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ingest.rate-limit.enabled", "true",
                    "ingest.rate-limit.requests-per-second", "1",
                    "ingest.rate-limit.burst", "2");
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    @InjectBroker
    BrokerQueues queues;

    @TempDir
    Path dir;

    @Test
    void rateLimitedChunksAreSentAgainAfterRetryAfter() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("limited.txt");
        Map<String, String> ids = ImportCommandTestSupport.iocList(file, 600, u);
        Run run = ImportCommandTest.run("--chunk-size", "100", file.toString());
        assertEquals(0, run.code(), run.err() + run.out());
        assertEquals(600, run.accepted());
        assertEquals(6, run.chunks());
        assertTrue(run.err().contains("import: 429 ("), "the waits are reported: " + run.err());
        assertTrue(run.err().contains("waiting 1 s"), run.err());
        assertTrue(run.millis() >= 3000, "six requests at one a second after a burst of two: " + run.millis());
        Set<String> expected = new HashSet<>(ids.values());
        ImportCommandTestSupport.assertEachOnce(ImportCommandTestSupport.rootCounts(queues.entities(), expected),
                expected);
    }
}
