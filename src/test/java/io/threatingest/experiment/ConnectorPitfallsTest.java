package io.threatingest.experiment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.threatingest.messaging.EmbeddedBroker;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.NeedsEmbeddedBroker;
import io.threatingest.support.QueueReader;
import io.threatingest.support.TestCredentials;

/**
 * Pitfalls named in the evaluation brief, probed on purpose: what a submission answered 503 while the broker is
 * down becomes (sent late, or lost), and whether publishing resumes after more submissions than the emitter
 * buffers arrived during the outage. Prints what it saw; asserts only that publishing resumes.
 */
@NeedsEmbeddedBroker
@QuarkusTest
@WithTestResource(value = EmbeddedBrokerResource.class, initArgs = @ResourceArg(name = "persistent", value = "true"))
@WithTestResource(AuthFixtureResource.class)
@TestProfile(ConnectorPitfallsTest.OwnBroker.class)
class ConnectorPitfallsTest {

    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    @InjectBroker
    EmbeddedBroker broker;

    @TestHTTPResource("/api/ingest/v1/entity")
    URI entity;

    private static int post(String ip) {
        return TestCredentials.reporter().contentType(ContentType.JSON)
                .body("{\"type\":\"ip\",\"attributes\":{\"ip\":\"" + ip + "\"}}").post("/api/ingest/v1/entity").statusCode();
    }

    @Test
    void outageThenOverflowThenRestart() throws Exception {
        assertEquals(202, post("192.0.2.1"));
        broker.stop();
        List<Integer> during = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            during.add(post("198.18.0." + (i + 1)));
        }
        System.out.println("PITFALL outage answers: " + during);

        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            HttpRequest request = HttpRequest.newBuilder(entity).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("api-key", TestCredentials.REPORTER.keyId())
                    .header("api-secret", TestCredentials.REPORTER.secret())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.19."
                            + (i / 250) + "." + (i % 250 + 1) + "\"}}"))
                    .build();
            burst.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        Map<String, Integer> burstAnswers = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> answer : burst) {
            try {
                HttpResponse<String> response = answer.get();
                String key = response.statusCode() + " " + (response.statusCode() == 503
                        ? response.headers().firstValue("x-error").orElse("") : "");
                burstAnswers.merge(key, 1, Integer::sum);
            } catch (Exception e) {
                burstAnswers.merge("exception " + e.getClass().getSimpleName(), 1, Integer::sum);
            }
        }
        System.out.println("PITFALL burst of 1500 during the outage: " + burstAnswers);

        broker.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < deadline && status != 202) {
            status = post("192.0.2.2");
            if (status != 202) {
                Thread.sleep(200);
            }
        }
        System.out.printf("PITFALL after restart: %d after %d ms; ready=%d%n", status,
                (System.nanoTime() - start) / 1_000_000, given().get("/q/health/ready").statusCode());
        Thread.sleep(3000);
        try (QueueReader queue = new QueueReader(broker.port(), EmbeddedBrokerResource.ENTITIES)) {
            Thread.sleep(3000);
            long late = queue.received().stream()
                    .filter(m -> m.bodyAsBinary().toString().contains("198.18.0.")).count();
            long lateBurst = queue.received().stream()
                    .filter(m -> m.bodyAsBinary().toString().contains("198.19.")).count();
            System.out.printf("PITFALL on the queue after restart: %d of the 3 outage submissions answered 503, "
                    + "%d of the burst%n", late, lateBurst);
        }
        assertEquals(202, status, "publishing resumes within 30 s of the broker's return");
    }
}
