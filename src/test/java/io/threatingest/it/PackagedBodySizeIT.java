package io.threatingest.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.threatingest.api.BodySizeSweepTest;
import io.threatingest.api.BodySizeSweepTest.Endpoint;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.RawHttp.Encoding;

/**
 * A slice of {@link BodySizeSweepTest}'s sweep against the packaged jar, a separate process in the prod profile:
 * every POST endpoint with both transfer encodings takes, on one kept-alive connection, an empty body (400), a small
 * one, one just over 10 KiB and one of exactly the limit, then refuses one byte over the limit (413); and the batch at
 * both limits, as JSON with Content-Length and as NDJSON chunked. The full sweep (every size, each on its own
 * connection too, every batch format with either encoding) runs in-process in BodySizeSweepTest: the jar reads bodies
 * with the same code, so this slice checks that packaging and the prod profile change nothing of it.
 */
@QuarkusIntegrationTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class PackagedBodySizeIT {

    /** Small, just over 10 KiB, exactly the limit. */
    private static final int[] SLICE = { 1024, 10 * 1024 + 1, BodySizeSweepTest.LIMIT };

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.threatingest.api.BodySizeSweepTest#endpointsAndEncodings")
    void aSliceOfSizesOnOneKeptAliveConnectionThenOneByteOver(Endpoint endpoint, Encoding encoding) throws Exception {
        BodySizeSweepTest.assertSizesOnOneKeptAliveConnection(endpoint, encoding, SLICE);
        BodySizeSweepTest.assertOneByteOverTheLimitRefused(endpoint, encoding);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "application/json, CONTENT_LENGTH", "application/x-ndjson, CHUNKED" })
    void aBatchAtBothLimits(String contentType, Encoding encoding) throws Exception {
        BodySizeSweepTest.assertBatchAtBothLimits(contentType, encoding);
    }
}
