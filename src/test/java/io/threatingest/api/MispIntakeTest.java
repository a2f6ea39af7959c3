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

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
 * POST /misp over HTTP with the public MISP samples and an event of our own: every attribute and object reported,
 * entity IDs equal to those /entity gives for the same values, trees and reputations as published.
 */
@BrokerFacing
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class MispIntakeTest {

    static final String MISP = "/api/ingest/v1/misp";
    private static final String MD5 = "8764605c6f388c89096b534d33565802";
    private static final String SHA1 = "46aba99aa7158e4609aaa72b50990842fd22ae86";
    private static final String SHA256 = "ec5aedf5ecc6bdadd4120932170d1b10f6cfa175cfda22951dfd882928ab279b";

    @InjectBroker
    BrokerQueues queues;

    static String sample(String name) throws IOException {
        try (InputStream in = MispIntakeTest.class.getResourceAsStream("/samples/misp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static JsonPath post(String body, int status) {
        return TestCredentials.reporter().contentType(ContentType.JSON).body(body).post(MISP).then()
                .statusCode(status).extract().jsonPath();
    }

    @Test
    void eventsCollectionSample() throws Exception {
        JsonPath answer = post(sample("events-collection-1.json"), 202);
        assertEquals(2, answer.getInt("accepted"));
        assertEquals(0, answer.getInt("notMapped"));
        assertAccepted(answer, "2972c3a2-dda3-4de7-aca1-e96cf7ce5544", "asn", 174);
        assertAccepted(answer, "4bb235a7-7d25-4aef-802f-2c6b45c5eceb", "domain", "circl.lu");
        Published published = IntakeChecks.published(queues.entities(), answer);
        assertEquals(-1, published.entities().get(dryRunId("domain", "circl.lu")).getInteger("reputation"),
                "to_ids makes it malicious");
        assertEquals(0, published.entities().get(dryRunId("asn", 174)).getInteger("reputation"));
    }

    @Test
    void objectsCollectionSample() throws Exception {
        JsonPath answer = post(sample("objects-collection-1.json"), 202);
        assertEquals(12, answer.getInt("accepted"), answer.prettify());
        assertEquals("object:email", IntakeChecks.object(answer, "5e396622-2a54-4c8d-b61d-159da964451a").get("kind"));
        assertAccepted(answer, "5e396622-2a54-4c8d-b61d-159da964451a", "email", "<1234567890@foo.bar>",
                "email-address", "donald.duck@disney.com", "email-address", "jdoe@random.org", "email-subject",
                "Email test subject");
        assertAccepted(answer, "5e384ae7-672c-4250-9cda-3b4da964451a", "file", MD5, "sha256", SHA256, "sha1", SHA1,
                "md5", MD5, "filename", "oui", "size-in-bytes", 35, "path", "/var/www/MISP/app/files/scripts/tmp");
        assertAccepted(answer, "f5ec3603-e3d0-42d7-a372-14c1c137699b", "email-address", "donald.duck@disney.com");
        assertAccepted(answer, "d3ae0a21-c7ae-4c7f-b84b-b84a7ce53d1f", "sha256", SHA256);
        assertAccepted(answer, "34cb1a7c-55ec-412a-8684-ba4a88d83a45", "path", "/var/www/MISP/app/files/scripts/tmp");
        assertEquals("/response/1/Object/Attribute/5",
                IntakeChecks.object(answer, "34cb1a7c-55ec-412a-8684-ba4a88d83a45").get("pointer"));

        Published published = IntakeChecks.published(queues.entities(), answer);
        String file = dryRunId("file", MD5);
        for (String[] child : new String[][]{ { "sha256", SHA256 }, { "sha1", SHA1 }, { "md5", MD5 },
                { "filename", "oui" } }) {
            published.assertRelation(file, dryRunId(child[0], child[1]), "association");
        }
        assertEquals(-1, published.entities().get(file).getInteger("reputation"));
        assertEquals(0, published.entities().get(dryRunId("filename", "oui")).getInteger("reputation"),
                "a file name is never rated");
        published.assertRelation(dryRunId("email", "<1234567890@foo.bar>"),
                dryRunId("email-address", "donald.duck@disney.com"), "association");
    }

    /** Composite types, tags, to_ids, a deleted attribute, types without an entity, an invalid value, an object. */
    @Test
    void ourEventReportsEveryAttribute() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String event = """
                {"Event": {"uuid": "%1$s-0000-4000-8000-000000000000", "info": "test", "Tag": [{"name": "tlp:green"}],
                  "Attribute": [
                    {"uuid": "a1", "type": "domain|ip", "value": "c2-%1$s.example.com|203.0.113.17", "to_ids": true},
                    {"uuid": "a2", "type": "ip-dst|port", "value": "198.51.100.4|443"},
                    {"uuid": "a3", "type": "filename|sha256", "value": "dropper-%1$s.exe|%2$s", "to_ids": true,
                     "Tag": [{"name": "dropper"}]},
                    {"uuid": "a4", "type": "comment", "value": "seen in the March wave"},
                    {"uuid": "a5", "type": "ip-src", "value": "999.1.1.1"},
                    {"uuid": "a6", "type": "url", "value": "https://c2-%1$s.example.com/gate.php", "deleted": true},
                    {"uuid": "a7", "type": "no-such-type", "value": "x"},
                    {"uuid": "a8", "type": "AS", "value": "AS64500"}
                  ],
                  "Object": [
                    {"uuid": "o1", "name": "domain-ip", "Attribute": [
                      {"uuid": "o1a", "type": "domain", "object_relation": "domain", "value": "www-%1$s.example.org"},
                      {"uuid": "o1b", "type": "ip-dst", "object_relation": "ip", "value": "192.0.2.77"}]}
                  ]}}""".formatted(u, SHA256);
        JsonPath answer = post(event, 202);
        assertEquals(List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "o1", "o1a", "o1b"),
                answer.getList("objects.ref"));
        assertAccepted(answer, "a1", "domain", "c2-" + u + ".example.com", "ip", "203.0.113.17");
        assertAccepted(answer, "a2", "ip", "198.51.100.4");
        assertAccepted(answer, "a3", "sha256", SHA256, "filename", "dropper-" + u + ".exe");
        assertNotMapped(answer, "a4", "comment");
        assertRejected(answer, "a5", "999.1.1.1");
        assertNotMapped(answer, "a6", "deleted");
        assertNotMapped(answer, "a7", "no-such-type");
        assertAccepted(answer, "a8", "asn", 64500);
        assertAccepted(answer, "o1", "domain", "www-" + u + ".example.org", "ip", "192.0.2.77");
        assertEquals(7, answer.getInt("accepted"));
        assertEquals(1, answer.getInt("rejected"));
        assertEquals(3, answer.getInt("notMapped"));
        assertEquals("/Event/Attribute/4", IntakeChecks.object(answer, "a5").get("pointer"));

        Published published = IntakeChecks.published(queues.entities(), answer);
        String domain = dryRunId("domain", "c2-" + u + ".example.com");
        published.assertRelation(domain, dryRunId("ip", "203.0.113.17"), "association");
        assertEquals(-1, published.entities().get(domain).getInteger("reputation"));
        assertTrue(published.entities().get(domain).getJsonArray("tags").contains("tlp:green"));
        String sha = dryRunId("sha256", SHA256);
        assertTrue(published.entities().get(sha).getJsonArray("tags").getList().containsAll(
                List.of("tlp:green", "dropper")), published.entities().get(sha).encode());
        assertEquals(0, published.entities().get(dryRunId("ip", "198.51.100.4")).getInteger("reputation"));
    }

    @Test
    void aDryRunPublishesNothingAndNothingValidIsA400() {
        String event = "{\"Event\":{\"Attribute\":[{\"uuid\":\"d1\",\"type\":\"domain\",\"value\":\"dry.example.com\"}]}}";
        JsonPath dry = TestCredentials.reporter().contentType(ContentType.JSON).body(event)
                .post(MISP + "?dryRun=true").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(dryRunId("domain", "dry.example.com")), dry.getList("objects[0].ids"));
        assertNull(dry.get("objects[0].submissionIds"));

        JsonPath nothing = post("{\"Event\":{\"Attribute\":[{\"uuid\":\"n1\",\"type\":\"comment\",\"value\":\"x\"},"
                + "{\"uuid\":\"n2\",\"type\":\"ip-dst\",\"value\":\"300.0.0.1\"}]}}", 400);
        assertTrue(nothing.getString("error.message").contains("300.0.0.1"), nothing.prettify());
        assertEquals(List.of("not-mapped", "rejected"), nothing.getList("objects.status"));
    }
}
