package io.threatingest.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.Sha3;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonObject;

/**
 * The packaged jar in the prod profile, as a separate process, against a real broker: each kind of submission
 * with each kind of credential reaches the broker, and the read-only endpoints answer. With
 * {@code -Dquarkus.package.jar.aot.enabled=true} on JDK 25 these requests also train the AOT cache
 * ({@code bench/run.sh}), so they follow the path a client takes first.
 */
@BrokerFacing
@QuarkusIntegrationTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class PackagedServiceIT {

    private static final String BASE = "/api/ingest/v1";
    private static final String EXAMPLE = "{\"type\":\"ip\",\"attributes\":{\"ip\":\"203.0.113.1\","
            + "\"text\":\"Seen brute-forcing SSH\"},\"reputation\":-1,\"tags\":[\"ssh\"],\"visibleBy\":[\"public\"]}";
    private static final String IP_8888 = "{\"type\":\"ip\",\"value\":\"8.8.8.8\"}";

    @InjectBroker
    BrokerQueues queues;

    @Test
    void entitySubmittedWithAnApiKeyReachesTheBroker() throws Exception {
        String submissionId = TestCredentials.reporter().contentType(ContentType.JSON).body(EXAMPLE)
                .post(BASE + "/entity")
                .then().statusCode(202)
                .body("id", equalTo(Sha3.id("ip", "203.0.113.1")))
                .extract().path("submissionId");

        assertEquals(submissionId, queues.entities().await(submissionId, Duration.ofSeconds(10)).id());
    }

    @Test
    void entityTreeSubmittedWithABearerTokenReachesTheBroker() throws Exception {
        String token = TestCredentials.rs256(TestCredentials.claims("it-user", List.of("reporter"), List.of("soc")));
        String tree = "{\"type\":\"domain\",\"attributes\":{\"domain\":\"Packaged.Example.ORG\"},\"associations\":["
                + "{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.51.100.7\"}},"
                + "{\"type\":\"url\",\"attributes\":{\"url\":\"https://packaged.example.org/a?b=c\"}}]}";
        String submissionId = RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(tree)
                .post(BASE + "/entity")
                .then().statusCode(202)
                .body("ids.size()", equalTo(3))
                .body("id", equalTo(Sha3.id("domain", "packaged.example.org")))
                .extract().path("submissionId");

        assertEquals(submissionId, queues.entities().await(submissionId, Duration.ofSeconds(10)).id());
    }

    @Test
    void associationsAndCommentsAreAcknowledged() {
        TestCredentials.reporter().contentType(ContentType.JSON)
                .body("{\"entity\":" + IP_8888 + ",\"relatedEntity\":{\"type\":\"domain\",\"value\":\"dns.google\"},"
                        + "\"mode\":\"association\"}")
                .post(BASE + "/association").then().statusCode(202);
        TestCredentials.reporter().contentType(ContentType.JSON)
                .body("{\"entity\":" + IP_8888 + ",\"comment\":\"Sinkholed since March.\"}")
                .post(BASE + "/comment").then().statusCode(202);
    }

    @Test
    void definitionsAndDryRunsAnswerWithoutTheBroker() {
        TestCredentials.TRUSTED.given().get(BASE + "/definitions").then().statusCode(200).body("size()", equalTo(129));
        TestCredentials.reporter().contentType(ContentType.JSON).body(EXAMPLE)
                .queryParam("dryRun", true).post(BASE + "/entity")
                .then().statusCode(200);
    }

    @Test
    void invalidInputIsRefusedAndLoggedAsJsonWithItsErrorId() throws Exception {
        String errorId = TestCredentials.reporter().contentType(ContentType.JSON)
                .body("{\"type\":\"ip\",\"attributes\":{\"ip\":\"999.1.1.1\"}}")
                .post(BASE + "/entity")
                .then().statusCode(400)
                .header("x-error", notNullValue())
                .header("x-error-id", notNullValue())
                .body("error.param", equalTo("/attributes/ip"))
                .extract().header("x-error-id");

        // the prod profile logs one JSON object per line; the test launcher sends the file log to target/quarkus.log
        JsonObject line = awaitLogLine(errorId);
        assertEquals("INFO", line.getString("level"));
        assertEquals(errorId, line.getJsonObject("mdc").getString("x-error-id"));
        assertTrue(line.getString("message").contains("invalid IP"), line.encode());
    }

    private static JsonObject awaitLogLine(String containing) throws Exception {
        Path log = Path.of("target", "quarkus.log");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    if (line.contains(containing) && line.startsWith("{")) {
                        return new JsonObject(line);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no JSON log line with " + containing + " in " + log);
    }
}
