package io.threatingest.api;

import static io.threatingest.support.IntakeChecks.dryRunId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.DeliveredEvent;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.RawHttp;
import io.threatingest.support.RawHttp.Answer;
import io.threatingest.support.RawHttp.Encoding;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonObject;

/**
 * POST /extract over HTTP: a report answered as a dry run (types, values, offsets, IDs equal to /entity's), the
 * same text submitted with a reputation and tags, a 5,000-line defanged IOC list with both transfer encodings,
 * a retried submission with an Idempotency-Key, and the answers when nothing is found or nothing is valid.
 */
@BrokerFacing
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class ExtractIntakeTest {

    static final String EXTRACT = "/api/ingest/v1/extract";

    @InjectBroker
    BrokerQueues queues;

    static String report(String u) {
        return """
                Campaign notes (%1$s). The loader was fetched from hxxps://cdn-%1$s[.]example[.]com/a/b.php and
                beaconed to 198.51.100[.]23 and to cdn-%1$s[.]example[.]com again. Mail came from
                billing-%1$s[@]example[.]net, exploiting CVE-2024-3094. Payload MD5 0cc175b9c0f1b6a831c399e269772661.
                Infrastructure sits in AS64501; nothing else here, not even version 1.2.3 or file.exe.
                """.formatted(u);
    }

    static JsonPath post(String query, String text, int status) {
        return TestCredentials.reporter().contentType("text/plain; charset=utf-8").body(text)
                .post(EXTRACT + query).then().statusCode(status).extract().jsonPath();
    }

    @Test
    void aReportIsAnsweredAsADryRun() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String text = report(u);
        JsonPath answer = post("", text, 200);
        assertFalse(answer.getBoolean("submitted"));
        assertEquals(List.of("url", "ip", "domain", "email-address", "cve", "md5", "asn"),
                answer.getList("indicators.type"));
        assertEquals(List.of("https://cdn-" + u + ".example.com/a/b.php", "198.51.100.23", "cdn-" + u + ".example.com",
                "billing-" + u + "@example.net", "CVE-2024-3094", "0cc175b9c0f1b6a831c399e269772661", "64501"),
                answer.getList("indicators.value"));
        assertEquals("198.51.100[.]23", answer.getString("indicators[1].found"));
        List<Integer> at = answer.getList("indicators[2].at");
        assertEquals(1, at.size(), "the URL's host is part of the URL: only the later, lone occurrence counts");
        assertEquals("cdn-" + u + "[.]example[.]com", text.substring(at.get(0), at.get(0) + answer.getString(
                "indicators[2].found").length()));
        assertEquals(dryRunId("url", "https://cdn-" + u + ".example.com/a/b.php"),
                answer.getString("indicators[0].id"));
        assertEquals(dryRunId("asn", 64501), answer.getString("indicators[6].id"));
        assertEquals(dryRunId("cve", "CVE-2024-3094"), answer.getString("indicators[4].id"));
        assertEquals(7, answer.getInt("accepted"));
        assertNull(answer.get("indicators[0].submissionId"));
    }

    @Test
    void submittedIndicatorsCarryTheReputationAndTags() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        JsonPath answer = post("?submit=true&reputation=-2&tag=report-" + u + "&tag=loader", report(u), 202);
        assertTrue(answer.getBoolean("submitted"));
        assertEquals(7, answer.getInt("accepted"));
        String submission = answer.getString("indicators[0].submissionId");
        assertNotNull(submission);
        DeliveredEvent message = queues.entities().await(submission, Duration.ofSeconds(10));
        JsonObject event = message.body().toJsonObject();
        assertEquals(7, event.getJsonArray("entities").size());
        for (Object e : event.getJsonArray("entities")) {
            JsonObject entity = (JsonObject) e;
            assertEquals(-2, entity.getInteger("reputation"), entity.encode());
            assertEquals(List.of("report-" + u, "loader"), entity.getJsonArray("tags").getList());
        }
        assertEquals(answer.getList("indicators.id"), event.getJsonArray("roots").getList());
    }

    /** A 5,000-line IOC list, one defanged indicator per line: every line found, submitted and published once. */
    @ParameterizedTest
    @EnumSource(Encoding.class)
    void aFiveThousandLineIocList(Encoding encoding) throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder text = new StringBuilder();
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            String line = switch (i % 4) {
                case 0 -> "host-" + i + "-" + u + "[.]example[.]org";
                case 1 -> "hxxp://h" + i + "-" + u + "[.]example[.]net/p";
                case 2 -> "203.0." + (113 + (i / 250) % 2) + "[.]" + (i % 250 + 1);
                default -> String.format("%032x", (long) i * 7919);
            };
            distinct.add(line);
            text.append(line).append(i % 2 == 0 ? "\r\n" : "\n");
        }
        Map<String, String> headers = Map.of("Content-Type", "text/plain", "api-key", TestCredentials.REPORTER.keyId(),
                "api-secret", TestCredentials.REPORTER.secret());
        Answer answer;
        try (RawHttp connection = new RawHttp("127.0.0.1", RestAssured.port, 120_000)) {
            answer = connection.post(EXTRACT + "?submit=true", headers,
                    text.toString().getBytes(StandardCharsets.UTF_8), encoding, false);
        }
        assertEquals(202, answer.status(), answer.text());
        JsonPath json = JsonPath.from(answer.text());
        List<String> ids = json.getList("indicators.id");
        assertEquals(distinct.size(), ids.size(), "each distinct value once");
        assertEquals(ids.size(), json.getInt("accepted"));
        Set<String> submissions = new HashSet<>(json.getList("indicators.submissionId"));
        List<Object> roots = new ArrayList<>();
        for (String submission : submissions) {
            roots.addAll(queues.entities().await(submission, Duration.ofSeconds(30)).body().toJsonObject()
                    .getJsonArray("roots").getList());
        }
        assertEquals(ids.size(), roots.size(), "each distinct indicator published once");
        assertEquals(new HashSet<>(ids), new HashSet<>(roots));
        int lines = 0;
        for (Object at : json.getList("indicators.at")) {
            lines += ((List<?>) at).size();
        }
        assertEquals(5000, lines, "every line's indicator found");
    }

    @Test
    void aRetryWithTheSameKeyIsAnsweredFromTheFirst() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String key = "extract-" + u;
        var first = TestCredentials.reporter().header("Idempotency-Key", key).contentType("text/plain")
                .body(report(u)).post(EXTRACT + "?submit=true").then().statusCode(202).extract();
        var again = TestCredentials.reporter().header("Idempotency-Key", key).contentType("text/plain")
                .body(report(u)).post(EXTRACT + "?submit=true").then().statusCode(202).extract();
        assertEquals("true", again.header("Idempotency-Replayed"));
        assertEquals(first.asString(), again.asString());
        TestCredentials.reporter().header("Idempotency-Key", key).contentType("text/plain").body(report(u) + " ")
                .post(EXTRACT + "?submit=true").then().statusCode(422);
    }

    @Test
    void nothingFoundIsAnEmptyAnswerAndNothingValidA400() {
        JsonPath none = post("?submit=true", "no indicator here, only 10.0.0.1 and words", 200);
        assertEquals(List.of(), none.getList("indicators"));
        JsonPath invalid = post("?submit=true&reputation=7", "seen at 203.0.113.77", 400);
        assertEquals("rejected", invalid.getString("indicators[0].status"));
        assertTrue(invalid.getString("error.message").contains("reputation"), invalid.prettify());
    }
}
