package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.RawHttp;
import io.threatingest.support.RawHttp.Answer;
import io.threatingest.support.RawHttp.Encoding;
import io.threatingest.support.TestCredentials;

/**
 * Every POST endpoint reads every well-formed body whole, from empty to {@code ingest.limits.max-body-size}
 * (default 4 MiB), with {@code Content-Length} and chunked, one request per connection and many on one kept-alive
 * connection; one byte over the limit is a 413. The bodies are padded with leading white space so that their
 * meaningful part comes last: a body cut short or replaced anywhere fails to parse. This is the full sweep;
 * {@code PackagedBodySizeIT} runs a slice of it against the packaged jar, with the assertions here.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
public class BodySizeSweepTest {

    public static final int LIMIT = 4 * 1024 * 1024;
    static final int[] SIZES = { 1024, 8 * 1024, 10 * 1024 - 1, 10 * 1024 + 1, 64 * 1024, 1024 * 1024, LIMIT - 1,
            LIMIT };
    /** Below the 64 KiB limit of a string value. */
    private static final int LONGEST_TEXT = 60_000;

    /**
     * A POST endpoint and a well-formed body for it: {@code before}, up to {@code longestFill} letters (a string
     * value), {@code after}.
     */
    public record Endpoint(String path, String before, String after, int longestFill, String contentType) {

        Endpoint(String path, String before, String after, int longestFill) {
            this(path, before, after, longestFill, "application/json");
        }

        /** A well-formed body of exactly {@code size} bytes (none for 0). */
        byte[] body(int size) {
            if (size == 0) {
                return new byte[0];
            }
            int fill = Math.max(0, Math.min(longestFill, size - before.length() - after.length()));
            String json = before + "a".repeat(fill) + after;
            int padding = size - json.length();
            assertTrue(padding >= 0, "no body of " + size + " bytes for " + path);
            StringBuilder body = new StringBuilder(size);
            for (int i = 0; i < padding; i++) {
                body.append(i % 80 == 79 ? '\n' : ' ');
            }
            return body.append(json).toString().getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return path + " " + contentType;
        }
    }

    public static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/api/ingest/v1/entity?dryRun=true",
                    "{\"type\":\"ip\",\"attributes\":{\"ip\":\"203.0.113.9\",\"text\":\"", "\"}}", LONGEST_TEXT),
            new Endpoint("/api/ingest/v1/entity",
                    "{\"type\":\"ip\",\"attributes\":{\"ip\":\"203.0.113.9\",\"text\":\"", "\"}}", LONGEST_TEXT),
            new Endpoint("/api/ingest/v1/well-known",
                    "{\"type\":\"domain\",\"attributes\":{\"domain\":\"example.com\",\"text\":\"", "\"}}",
                    LONGEST_TEXT),
            new Endpoint("/api/ingest/v1/association", "", "{\"entity\":{\"type\":\"ip\",\"value\":\"8.8.8.8\"},"
                    + "\"relatedEntity\":{\"type\":\"domain\",\"value\":\"dns.google\"},\"mode\":\"association\"}", 0),
            new Endpoint("/api/ingest/v1/comment", "{\"entity\":{\"type\":\"ip\",\"value\":\"8.8.8.8\"},\"comment\":\"",
                    "\"}", LONGEST_TEXT),
            new Endpoint("/api/ingest/v1/scan", "", "{\"target\":\"8.8.4.4\"}", 0),
            new Endpoint("/api/ingest/v1/batch",
                    "{\"entities\":[{\"type\":\"ip\",\"attributes\":{\"ip\":\"203.0.113.9\",\"text\":\"",
                    "\"}}]}", LONGEST_TEXT),
            // NDJSON is read as it arrives rather than whole: the padding makes blank lines, which are skipped
            new Endpoint("/api/ingest/v1/batch",
                    "{\"type\":\"ip\",\"attributes\":{\"ip\":\"203.0.113.9\",\"text\":\"", "\"}}", LONGEST_TEXT,
                    "application/x-ndjson"),
            new Endpoint("/api/ingest/v1/stix", "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-"
                    + "33f4c354e56d\",\"objects\":[{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\",\"id\":"
                    + "\"ipv4-addr--0b8e7c6a-2f3d-4a5b-9c1d-0e2f3a4b5c6d\",\"x_note\":\"",
                    "\",\"value\":\"203.0.113.9\"}]}", LONGEST_TEXT, "application/stix+json;version=2.1"),
            new Endpoint("/api/ingest/v1/misp", "{\"Event\":{\"Attribute\":[{\"uuid\":\"5b0b4bd1-1111-4f2d-9a57-"
                    + "3c7a2b0c9e10\",\"type\":\"ip-dst\",\"comment\":\"", "\",\"value\":\"203.0.113.9\"}]}}",
                    LONGEST_TEXT),
            // the padding is white space, the filler one long word: the indicator is found at the very end
            new Endpoint("/api/ingest/v1/extract?submit=true", "", " seen at 203.0.113[.]9", LONGEST_TEXT,
                    "text/plain; charset=utf-8"));

    public static Stream<Arguments> endpointsAndEncodings() {
        List<Arguments> all = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Encoding encoding : Encoding.values()) {
                all.add(Arguments.of(endpoint, encoding));
            }
        }
        return all.stream();
    }

    private static Map<String, String> headers(Endpoint endpoint) {
        return Map.of("Content-Type", endpoint.contentType(), "api-key", TestCredentials.ADMIN.keyId(),
                "api-secret", TestCredentials.ADMIN.secret());
    }

    private static RawHttp connect() throws Exception {
        return new RawHttp("127.0.0.1", RestAssured.port, 30_000);
    }

    private static void assertReadWhole(Answer answer, String what) {
        assertTrue(answer.status() == 200 || answer.status() == 202,
                what + ": " + answer.status() + " " + answer.text());
    }

    private static void assertRefused(Answer answer, int status, String what) {
        assertEquals(status, answer.status(), what + ": " + answer.text());
        assertTrue(answer.header("x-error") != null && answer.header("x-error-id") != null, what + ": error headers");
        assertTrue(answer.text().startsWith("{\"error\":"), what + ": " + answer.text());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpointsAndEncodings")
    public void everySizeOnOneKeptAliveConnection(Endpoint endpoint, Encoding encoding) throws Exception {
        assertSizesOnOneKeptAliveConnection(endpoint, encoding, SIZES);
    }

    /** An empty body (400), each of {@code sizes} read whole, an empty body again: all on one connection. */
    public static void assertSizesOnOneKeptAliveConnection(Endpoint endpoint, Encoding encoding, int... sizes)
            throws Exception {
        try (RawHttp connection = connect()) {
            assertRefused(connection.post(endpoint.path(), headers(endpoint), new byte[0], encoding, false), 400,
                    "empty body");
            for (int size : sizes) {
                assertReadWhole(
                        connection.post(endpoint.path(), headers(endpoint), endpoint.body(size), encoding, false),
                        size + " bytes");
            }
            assertRefused(connection.post(endpoint.path(), headers(endpoint), new byte[0], encoding, false), 400,
                    "empty body after the others");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpointsAndEncodings")
    public void everySizeOnItsOwnConnection(Endpoint endpoint, Encoding encoding) throws Exception {
        int[] sizes = Arrays.copyOf(SIZES, SIZES.length + 1);
        sizes[SIZES.length] = 0;
        for (int size : sizes) {
            try (RawHttp connection = connect()) {
                Answer answer = connection.post(endpoint.path(), headers(endpoint), endpoint.body(size), encoding,
                        true);
                if (size == 0) {
                    assertRefused(answer, 400, "empty body");
                } else {
                    assertReadWhole(answer, size + " bytes");
                }
            }
        }
        assertOneByteOverTheLimitRefused(endpoint, encoding);
    }

    /** A body one byte over the limit: 413, with the error headers. */
    public static void assertOneByteOverTheLimitRefused(Endpoint endpoint, Encoding encoding) throws Exception {
        try (RawHttp connection = connect()) {
            assertRefused(
                    connection.post(endpoint.path(), headers(endpoint), endpoint.body(LIMIT + 1), encoding, false), 413,
                    "one byte over the limit");
        }
    }

    /**
     * Both batch limits at once: the most items a batch may hold (10,000), in a body just under the size limit, as
     * JSON and as streamed NDJSON with either encoding; every item accepted, in order.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("batchFormatsAndEncodings")
    public void aBatchAtBothLimits(String contentType, Encoding encoding) throws Exception {
        assertBatchAtBothLimits(contentType, encoding);
    }

    /** 10,000 items in a body just under the size limit, every one accepted, in order, 100 trees an event. */
    public static void assertBatchAtBothLimits(String contentType, Encoding encoding) throws Exception {
        int items = 10_000;
        String padding = "p".repeat(LIMIT / items - 62);
        List<String> lines = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            lines.add("{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.18." + (i / 250) + "." + (i % 250 + 1)
                    + "\",\"text\":\"" + padding + "\"}}");
        }
        String text = contentType.equals("application/json")
                ? "{\"entities\":[" + String.join(",", lines) + "]}"
                : String.join("\n", lines);
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        assertTrue(body.length > LIMIT - 100_000 && body.length <= LIMIT, "body of " + body.length + " bytes");
        Map<String, String> headers = Map.of("Content-Type", contentType, "api-key", TestCredentials.ADMIN.keyId(),
                "api-secret", TestCredentials.ADMIN.secret());
        try (RawHttp connection = new RawHttp("127.0.0.1", RestAssured.port, 120_000)) {
            Answer answer = connection.post("/api/ingest/v1/batch", headers, body, encoding, false);
            assertEquals(202, answer.status(), answer.text().substring(0, Math.min(500, answer.text().length())));
            JsonPath result = new JsonPath(answer.text());
            assertEquals(items, result.getInt("accepted"));
            assertEquals(items - 1, result.getInt("items[" + (items - 1) + "].index"));
            assertEquals(100, result.getList("items.submissionId").stream().distinct().count(),
                    "packed 100 trees an event");
        }
    }

    static Stream<Arguments> batchFormatsAndEncodings() {
        List<Arguments> all = new ArrayList<>();
        for (String type : List.of("application/json", "application/x-ndjson")) {
            for (Encoding encoding : Encoding.values()) {
                all.add(Arguments.of(type, encoding));
            }
        }
        return all.stream();
    }
}
