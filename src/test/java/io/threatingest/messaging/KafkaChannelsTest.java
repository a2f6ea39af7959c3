package io.threatingest.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.InjectKafka;
import io.threatingest.support.KafkaServer;
import io.threatingest.support.KafkaServerResource;
import io.threatingest.support.Sha3;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonObject;

/**
 * Every channel on Kafka, by configuration alone (KafkaServerResource sets the connectors): records in the
 * CloudEvents Kafka binding's binary mode, keyed by what they are about; scan status read from a topic, committed
 * once applied, a record that cannot be applied moved to the dead-letter topic; Kafka stopped gives 503 within the
 * publish timeout and readiness down, and publishing resumes when it is back, without a restart; what Kafka
 * acknowledged before it stopped is still there after its restart (on the same ports, the log directory kept).
 */
@QuarkusTest
@WithTestResource(KafkaServerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(KafkaChannelsTest.OnKafka.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaChannelsTest {

    public static class OnKafka implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return "test";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // the shipped Kafka settings, with a shorter publish timeout (and max.block.ms with it, as README says)
            return Map.of("ingest.publish.timeout", "3s", "kafka.max.block.ms", "3000");
        }
    }

    private static final String ENTITY = "/api/ingest/v1/entity";
    private static final String COMMENT = "/api/ingest/v1/comment";
    private static final String SCAN = "/api/ingest/v1/scan";

    @InjectKafka
    KafkaServer kafka;

    private static Response post(String path, String body) {
        return TestCredentials.reporter().contentType(ContentType.JSON).body(body).post(path);
    }

    private KafkaServer.Record recordOf(String topic, Predicate<KafkaServer.Record> which) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (KafkaServer.Record record : kafka.read(topic, 1, Duration.ofSeconds(2))) {
                if (which.test(record)) {
                    return record;
                }
            }
        }
        throw new AssertionError("no such record on " + topic);
    }

    @Test
    @Order(1)
    void anEntityIsACloudEventInBinaryModeKeyedByItsRootEntity() {
        String ip = "203.0.113." + (1 + (int) (Math.random() * 250));
        Response answer = post(ENTITY, "{\"type\":\"ip\",\"attributes\":{\"ip\":\"" + ip + "\"},\"associations\":["
                + "{\"mode\":\"association\",\"type\":\"domain\",\"attributes\":{\"domain\":\"kafka.example\"}}]}");
        answer.then().statusCode(202);
        String submission = answer.path("submissionId");
        String root = answer.path("id");
        assertEquals(Sha3.id("ip", ip), root);

        KafkaServer.Record record = recordOf("ingest.entities", r -> submission.equals(r.header("ce_id")));
        assertEquals(root, record.key(), "keyed by the root entity, so one entity's events stay in order");
        assertEquals("1.0", record.header("ce_specversion"));
        assertEquals("io.threatingest.entity.submitted", record.header("ce_type"));
        assertEquals("/threat-ingest", record.header("ce_source"));
        assertEquals(root, record.header("ce_subject"));
        assertEquals("application/json", record.header("content-type"));
        assertNotNull(OffsetDateTime.parse(record.header("ce_time")));
        JsonObject event = new JsonObject(record.valueAsString());
        assertEquals(submission, event.getString("submissionId"));
        assertEquals(root, event.getString("rootId"));
        assertEquals(2, event.getJsonArray("entities").size());
    }

    @Test
    @Order(2)
    void commentsAndScansAreKeyedByTheirSubject() {
        String entity = Sha3.id("domain", "kafka.example");
        String comment = post(COMMENT, "{\"entityID\":\"" + entity + "\",\"comment\":\"seen on Kafka\"}")
                .then().statusCode(202).extract().path("id");
        KafkaServer.Record commented = recordOf("ingest.comments", r -> comment.equals(r.header("ce_id")));
        assertEquals(entity, commented.key());
        assertEquals("io.threatingest.comment.submitted", commented.header("ce_type"));

        String target = "k" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        String task = post(SCAN, "{\"target\":\"" + target + "\"}").then().statusCode(202).extract().path("id");
        KafkaServer.Record scan = recordOf("ingest.scans", r -> task.equals(r.header("ce_id")));
        assertEquals(target, scan.key());
    }

    @Test
    @Order(3)
    void scanStatusComesFromATopicAndWhatCannotBeAppliedGoesToTheDeadLetterTopic() throws Exception {
        String target = "s" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        String task = post(SCAN, "{\"target\":\"" + target + "\"}").then().statusCode(202).extract().path("id");
        String bad = "not json " + UUID.randomUUID();
        kafka.send("ingest.scan-status", null, Map.of(), bad);
        kafka.send("ingest.scan-status", task, Map.of(), "{\"id\":\"" + task + "\",\"status\":\"running\"}");
        String status = null;
        for (int i = 0; i < 100 && !"running".equals(status); i++) {
            status = TestCredentials.reporter().get(SCAN + "/" + task).then().statusCode(200).extract().path("status");
            Thread.sleep(100);
        }
        assertEquals("running", status, "the report after a bad record is applied: the consumer goes on");
        KafkaServer.Record dead = recordOf("ingest.scan-status.dead-letter", r -> bad.equals(r.valueAsString()));
        assertNotNull(dead);
        // committed once processed: the group's offset reaches past both records
        long end = kafka.read("ingest.scan-status", 1, Duration.ofSeconds(2)).stream()
                .mapToLong(KafkaServer.Record::offset).max().orElseThrow() + 1;
        TopicPartition partition = new TopicPartition("ingest.scan-status", 0);
        long committed = -1;
        try (Admin admin = kafka.admin()) {
            for (int i = 0; i < 60 && committed < end; i++) {
                OffsetAndMetadata offset = admin.listConsumerGroupOffsets("threat-ingest")
                        .partitionsToOffsetAndMetadata().get().get(partition);
                committed = offset == null ? -1 : offset.offset();
                Thread.sleep(250);
            }
        }
        assertEquals(end, committed, "the consumer group's committed offset");
    }

    @Test
    @Order(4)
    void kafkaStoppedIs503WithinThePublishTimeoutAndPublishingResumesWhenItIsBack() throws Exception {
        String before = post(ENTITY, "{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.51.100.1\"}}").then()
                .statusCode(202).extract().path("submissionId");
        assertEquals("1.0", brokerConnectedGauge(), "the broker gauge on a deployment without AMQP");
        kafka.stop();
        try {
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                Response answer = post(ENTITY, "{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.51.100.2\"}}");
                long millis = (System.nanoTime() - started) / 1_000_000;
                answer.then().statusCode(503);
                assertNotNull(answer.header("x-error-id"));
                assertNotNull(answer.header("Retry-After"));
                assertTrue(millis < 5_000, "503 within the publish timeout (3 s), took " + millis + " ms");
            }
            given().get("/q/health/ready").then().statusCode(503);
            assertEquals("0.0", brokerConnectedGauge(), "the broker gauge while Kafka is down");
        } finally {
            kafka.restart();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<Integer> statuses = new java.util.ArrayList<>();
        int status = 0;
        while (status != 202 && System.nanoTime() < deadline) {
            status = post(ENTITY, "{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.51.100.3\"}}").statusCode();
            statuses.add(status);
            if (status != 202) {
                Thread.sleep(500);
            }
        }
        assertEquals(202, status, "publishing resumes without a restart: " + statuses);
        for (int i = 0; i < 20 && given().get("/q/health/ready").statusCode() != 200; i++) {
            Thread.sleep(500);
        }
        given().get("/q/health/ready").then().statusCode(200);
        assertEquals("1.0", brokerConnectedGauge(), "the broker gauge once Kafka is back");
        assertEquals(Duration.ZERO, kafka.formatTime(), "the restart kept the formatted log directory");
        assertEquals(before, recordOf("ingest.entities", r -> before.equals(r.header("ce_id"))).header("ce_id"),
                "a record acknowledged before the outage survives the restart");
    }

    private static String brokerConnectedGauge() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("ingest_broker_connected"))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .findFirst().orElse("absent");
    }
}
