package io.threatingest.api;

import static io.threatingest.support.IntakeChecks.assertAccepted;
import static io.threatingest.support.IntakeChecks.assertNotMapped;
import static io.threatingest.support.IntakeChecks.assertRejected;
import static io.threatingest.support.IntakeChecks.dryRunId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.IntakeChecks;
import io.threatingest.support.IntakeChecks.Published;
import io.threatingest.support.TestCredentials;

/**
 * POST /stix over HTTP with the public STIX samples and bundles of our own: every object reported (accepted with
 * the IDs /entity gives for the same values, rejected with the reason, not mapped with the reason), relationships
 * and sightings published as associations, labels and TLP markings as tags, confidence as reputation.
 */
@BrokerFacing
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class StixIntakeTest {

    static final String STIX = "/api/ingest/v1/stix";
    static final String SHA256 = "ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c";
    static final String POISON_IVY = "malware--fdd60b30-b67c-41e3-b0b9-f01faf20d111";

    @InjectBroker
    BrokerQueues queues;

    static String sample(String name) throws IOException {
        try (InputStream in = StixIntakeTest.class.getResourceAsStream("/samples/stix/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static JsonPath post(String body, String contentType, int status) {
        return TestCredentials.reporter().contentType(contentType).body(body).post(STIX).then()
                .statusCode(status).extract().jsonPath();
    }

    static JsonPath post(String body, int status) {
        return post(body, "application/stix+json;version=2.1", status);
    }

    /** The sample's one indicator names 10.0.0.0, a private address the IP rule refuses: reported, not dropped. */
    @Test
    void indicatorForC2IpAddressSample() throws Exception {
        JsonPath answer = post(sample("indicator-for-c2-ip-address.json"), 400);
        assertRejected(answer, "indicator--33fe3b22-0201-47cf-85d0-97c02164528d", "10.0.0.0");
        assertTrue(answer.getString("error.message").contains("no object of the document has a valid entity"));
        assertEquals("/objects/0", answer.getString("error.param"));
    }

    @Test
    void indicatorsForC2WithCourseOfActionSample() throws Exception {
        JsonPath answer = post(sample("indicators-for-C2-with-COA.json"), 202);
        assertEquals(List.of("not-mapped", "accepted", "rejected", "accepted", "not-mapped", "not-mapped",
                "accepted", "rejected"), answer.getList("objects.status"));
        assertNotMapped(answer, "identity--f690c992-8e7d-4b9a-9303-3312616c0220", "identity");
        assertAccepted(answer, POISON_IVY, "malware", "Poison Ivy");
        assertAccepted(answer, "indicator--a932fcc6-e032-476c-826f-cb970a5a1ade", "sha256", SHA256);
        assertRejected(answer, "indicator--53fe3b22-0201-47cf-85d0-97c02164528d", "10.0.0.0");
        assertNotMapped(answer, "course-of-action--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "course of action");
        assertNotMapped(answer, "relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad", "maps to no entity");
        assertAccepted(answer, "relationship--2f9a9aa9-108a-4333-83e2-4fb25add0463", "sha256", SHA256, "malware",
                "Poison Ivy");
        assertEquals("2017-01-27T13:49:53.997Z", IntakeChecks.object(answer, POISON_IVY).get("version"));

        Published published = IntakeChecks.published(queues.entities(), answer);
        String sha = dryRunId("sha256", SHA256);
        String malware = dryRunId("malware", "Poison Ivy");
        published.assertRelation(sha, malware, "association");
        assertEquals(-1, published.entities().get(sha).getInteger("reputation"), "an indicator is malicious");
        assertEquals("remote-access-trojan",
                published.entities().get(malware).getJsonObject("attributes").getString("malware-type"));
    }

    /** Its two indicators use MATCHES, outside the equality subset: everything is reported, nothing guessed. */
    @Test
    void maliciousEmailIndicatorSample() throws Exception {
        JsonPath answer = post(sample("malicious-email-indicator-with-attachment.json"), 400);
        assertEquals(6, answer.getInt("notMapped"));
        assertNotMapped(answer, "indicator--8cf9236f-1b96-493d-98be-0c1c1e8b62d7", "MATCHES");
        assertNotMapped(answer, "attack-pattern--d7b066aa-4091-4276-a142-29d5d81c3484", "attack pattern");
        assertTrue(answer.getString("error.message").contains("no object of the document maps to an entity"));
    }

    @Test
    void mispExportedSample() throws Exception {
        JsonPath answer = post(sample("misp-events-collection.stix21.json"), "application/json", 202);
        assertEquals(20, answer.getList("objects").size());
        assertAccepted(answer, "autonomous-system--2972c3a2-dda3-4de7-aca1-e96cf7ce5544", "asn", 174);
        assertAccepted(answer, "domain-name--726f90e2-2ad6-44a2-b345-c05e55e850e5", "domain", "circl.lu", "ip",
                "149.13.33.14");
        assertAccepted(answer, "indicator--726f90e2-2ad6-44a2-b345-c05e55e850e5", "domain", "circl.lu", "ip",
                "149.13.33.14");
        assertAccepted(answer, "file--02de0847-dccf-481a-a96a-6a7654328658", "filename", "test_file_name");
        assertNotMapped(answer, "grouping--e2e6a6ea-f69b-4d93-8564-f51d67cafe51", "container");
        assertNotMapped(answer, "relationship--2a8a80e3-da64-41d8-be31-2077fbc22804", "same entities");
        assertEquals(9, answer.getInt("accepted"));
        assertEquals(11, answer.getInt("notMapped"));

        Published published = IntakeChecks.published(queues.entities(), answer);
        String domain = dryRunId("domain", "circl.lu");
        published.assertRelation(domain, dryRunId("ip", "149.13.33.14"), "association");
        assertTrue(published.entities().get(domain).getJsonArray("tags").contains("misp:type=\"domain|ip\""));
    }

    static String bundle(String... objects) {
        return "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":["
                + String.join(",", objects) + "]}";
    }

    static String indicator(String id, String pattern, String extra) {
        return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":"
                + "\"2026-11-30T08:00:00.000Z\",\"modified\":\"2026-11-30T09:00:00.000Z\",\"pattern\":\"" + pattern
                + "\",\"pattern_type\":\"stix\",\"valid_from\":\"2026-11-30T08:00:00Z\"" + extra + "}";
    }

    /** Patterns of the equality subset, confidence, labels, TLP, relationships with aggregation, a sighting. */
    @Test
    void ourBundle() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String amber = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
        String answerBody = bundle(
                indicator("indicator--00000000-0000-4000-8000-000000000001",
                        "[domain-name:value IN ('a-" + u + ".example.com', 'b-" + u
                                + ".example.com')] OR [ipv4-addr:value = '203.0.113.44']",
                        ",\"confidence\":85,\"labels\":[\"c2\"],\"object_marking_refs\":[\"" + amber + "\"]"),
                indicator("indicator--00000000-0000-4000-8000-000000000002",
                        "[file:hashes.SHA256 = '" + SHA256 + "' AND file:name = 'x-" + u + ".dll']",
                        ",\"indicator_types\":[\"benign\"],\"confidence\":40"),
                indicator("indicator--00000000-0000-4000-8000-000000000003", "[url:value != 'http://x.example']", ""),
                "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--00000000-0000-4000-8000-"
                        + "000000000004\",\"created\":\"2026-11-30T08:00:00.000Z\",\"modified\":\"2026-11-30T08:00:00"
                        + ".000Z\",\"pattern\":\"alert tcp any any -> any any (msg:\\\"x\\\";)\",\"pattern_type\":"
                        + "\"snort\",\"valid_from\":\"2026-11-30T08:00:00Z\"}",
                "{\"type\":\"infrastructure\",\"spec_version\":\"2.1\",\"id\":\"infrastructure--00000000-0000-4000-"
                        + "8000-000000000005\",\"created\":\"2026-11-30T08:00:00.000Z\",\"modified\":\"2026-11-30T08:"
                        + "00:00.000Z\",\"name\":\"botnet\"}",
                "{\"type\":\"domain-name\",\"spec_version\":\"2.1\",\"id\":\"domain-name--00000000-0000-4000-8000-"
                        + "000000000006\",\"value\":\"c-" + u + ".example.com\"}",
                "{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\",\"id\":\"ipv4-addr--00000000-0000-4000-8000-"
                        + "000000000007\",\"value\":\"198.51.100.0/24\"}",
                "{\"type\":\"relationship\",\"spec_version\":\"2.1\",\"id\":\"relationship--00000000-0000-4000-8000-"
                        + "000000000008\",\"created\":\"2026-11-30T08:00:00.000Z\",\"modified\":\"2026-11-30T08:00:00"
                        + ".000Z\",\"relationship_type\":\"consists-of\",\"source_ref\":\"ipv4-addr--00000000-0000-"
                        + "4000-8000-000000000007\",\"target_ref\":\"domain-name--00000000-0000-4000-8000-"
                        + "000000000006\"}",
                "{\"type\":\"observed-data\",\"spec_version\":\"2.1\",\"id\":\"observed-data--00000000-0000-4000-8000-"
                        + "000000000009\",\"created\":\"2026-11-30T08:00:00.000Z\",\"modified\":\"2026-11-30T08:00:00"
                        + ".000Z\",\"first_observed\":\"2026-11-30T08:00:00Z\",\"last_observed\":\"2026-11-30T08:00:"
                        + "00Z\",\"number_observed\":1,\"object_refs\":[\"domain-name--00000000-0000-4000-8000-"
                        + "000000000006\"]}",
                "{\"type\":\"sighting\",\"spec_version\":\"2.1\",\"id\":\"sighting--00000000-0000-4000-8000-"
                        + "000000000010\",\"created\":\"2026-11-30T08:00:00.000Z\",\"modified\":\"2026-11-30T08:00:00"
                        + ".000Z\",\"sighting_of_ref\":\"indicator--00000000-0000-4000-8000-000000000001\","
                        + "\"observed_data_refs\":[\"observed-data--00000000-0000-4000-8000-000000000009\"]}");
        JsonPath answer = post(answerBody, 202);
        String a = "a-" + u + ".example.com";
        String b = "b-" + u + ".example.com";
        String c = "c-" + u + ".example.com";
        assertAccepted(answer, "indicator--00000000-0000-4000-8000-000000000001", "domain", a, "domain", b, "ip",
                "203.0.113.44");
        assertAccepted(answer, "indicator--00000000-0000-4000-8000-000000000002", "sha256", SHA256, "filename",
                "x-" + u + ".dll");
        assertNotMapped(answer, "indicator--00000000-0000-4000-8000-000000000003", "!=");
        assertNotMapped(answer, "indicator--00000000-0000-4000-8000-000000000004", "snort");
        assertNotMapped(answer, "infrastructure--00000000-0000-4000-8000-000000000005", "infrastructure");
        assertAccepted(answer, "ipv4-addr--00000000-0000-4000-8000-000000000007", "cidr", "198.51.100.0/24");
        assertAccepted(answer, "relationship--00000000-0000-4000-8000-000000000008", "cidr", "198.51.100.0/24",
                "domain", c);
        assertAccepted(answer, "sighting--00000000-0000-4000-8000-000000000010", "domain", a, "domain", b, "ip",
                "203.0.113.44", "domain", c);
        assertEquals("2026-11-30T09:00:00.000Z",
                IntakeChecks.object(answer, "indicator--00000000-0000-4000-8000-000000000001").get("version"));

        Published published = IntakeChecks.published(queues.entities(), answer);
        var first = published.entities().get(dryRunId("domain", a));
        assertEquals(-3, first.getInteger("reputation"), "malicious with confidence 85");
        assertEquals(List.of("c2", "tlp:amber"), first.getJsonArray("tags").getList());
        assertEquals(2, published.entities().get(dryRunId("sha256", SHA256)).getInteger("reputation"),
                "benign with confidence 40");
        published.assertRelation(dryRunId("cidr", "198.51.100.0/24"), dryRunId("domain", c), "aggregation");
        published.assertRelation(dryRunId("ip", "203.0.113.44"), dryRunId("domain", c), "association");
    }

    @Test
    void aDryRunIdentifiesAndPublishesNothing() {
        String body = bundle("{\"type\":\"url\",\"spec_version\":\"2.1\",\"id\":\"url--00000000-0000-4000-8000-"
                + "00000000000a\",\"value\":\"hxxps://dry[.]example[.]com/x\"}");
        JsonPath dry = TestCredentials.reporter().contentType("application/stix+json").body(body)
                .post(STIX + "?dryRun=true&refang=true").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(dryRunId("url", "https://dry.example.com/x")), dry.getList("objects[0].ids"));
        assertNull(dry.get("objects[0].submissionIds"));
        assertEquals("https://dry.example.com/x", dry.getString("objects[0].refanged[0].to"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/stix+json", "application/stix+json;version=2.1", "application/json",
            "application/json; charset=utf-8" })
    void bothMediaTypesAreTaken(String contentType) {
        String body = bundle("{\"type\":\"domain-name\",\"spec_version\":\"2.1\",\"id\":\"domain-name--00000000-"
                + "0000-4000-8000-00000000000b\",\"value\":\"media.example.com\"}");
        post(body, contentType, 202);
    }

    @Test
    void aRetriedBundleWithItsKeyIsAnsweredFromTheFirstAndPublishedOnce() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String body = bundle("{\"type\":\"domain-name\",\"spec_version\":\"2.1\",\"id\":\"domain-name--00000000-"
                + "0000-4000-8000-00000000000c\",\"value\":\"retry-" + u + ".example.com\"}");
        var first = TestCredentials.reporter().header("Idempotency-Key", "stix-" + u).contentType("application/json")
                .body(body).post(STIX).then().statusCode(202).extract();
        var again = TestCredentials.reporter().header("Idempotency-Key", "stix-" + u).contentType("application/json")
                .body(body).post(STIX).then().statusCode(202).extract();
        assertEquals("true", again.header("Idempotency-Replayed"));
        assertEquals(first.asString(), again.asString());
        String submission = first.jsonPath().getString("objects[0].submissionIds[0]");
        queues.entities().await(submission, java.time.Duration.ofSeconds(10));
        String root = dryRunId("domain", "retry-" + u + ".example.com");
        Thread.sleep(500);
        long events = queues.entities().received().stream()
                .filter(m -> m.body().toJsonObject().getJsonArray("roots").contains(root)).count();
        assertEquals(1, events, "one event for the two requests");
    }

    /** One tree more than a request may publish (ingest.limits.max-batch-items): a 400 at that object, nothing sent. */
    @Test
    void aBundleMappingToMoreTreesThanTheLimitIsRefusedWhole() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String[] objects = new String[10_001];
        for (int i = 0; i < objects.length; i++) {
            objects[i] = "{\"type\":\"domain-name\",\"id\":\"domain-name--" + i + "\",\"value\":\"d" + i + "-" + u
                    + ".example.com\"}";
        }
        JsonPath answer = post(bundle(objects), 400);
        assertEquals("/objects/10000", answer.getString("error.param"));
        assertTrue(answer.getString("error.message").contains("more than 10000 items"),
                answer.getString("error.message"));
        long published = queues.entities().received().stream()
                .filter(m -> m.body().toString().contains("-" + u + ".example.com")).count();
        assertEquals(0, published);
    }
}
