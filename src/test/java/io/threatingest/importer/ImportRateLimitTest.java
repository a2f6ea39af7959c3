package io.threatingest.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.threatingest.importer.ImportCommandTest.Run;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.SmallLimitsProfile;
import io.threatingest.support.TestCredentials;

/**
 * A rate limit of three requests at once and one every five seconds ({@link SmallLimitsProfile}, the start this
 * class shares): an import of four chunks, as a caller of its own, waits out the 429 of its fourth chunk and
 * finishes.
 */
@BrokerFacing
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(SmallLimitsProfile.class)
class ImportRateLimitTest {

    @InjectBroker
    BrokerQueues queues;

    @TempDir
    Path dir;

    @Test
    void rateLimitedChunksAreSentAgainAfterRetryAfter() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("limited.txt");
        int chunks = SmallLimitsProfile.BURST + 1;
        Map<String, String> ids = ImportCommandTestSupport.iocList(file, chunks * 25, u);
        Run run = ImportCommandTest.runWithToken(TestCredentials.freshToken("import-limited", List.of("reporter")),
                "--chunk-size", "25", file.toString());
        assertEquals(0, run.code(), run.err() + run.out());
        assertEquals(chunks * 25, run.accepted());
        assertEquals(chunks, run.chunks());
        assertTrue(run.err().contains("import: 429 ("), "the waits are reported: " + run.err());
        assertTrue(run.err().matches("(?s).*waiting [1-5] s.*"), run.err());
        assertTrue(run.millis() >= (long) (1000 / SmallLimitsProfile.REQUESTS_PER_SECOND) - 1000,
                "the chunk after a burst of three waits for the next token, five seconds after the first: "
                        + run.millis());
        Set<String> expected = new HashSet<>(ids.values());
        ImportCommandTestSupport.assertEachOnce(ImportCommandTestSupport.rootCounts(queues.entities(), expected),
                expected);
    }
}
