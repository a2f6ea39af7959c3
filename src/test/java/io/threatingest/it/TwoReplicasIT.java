package io.threatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.sun.net.httpserver.HttpServer;

import io.threatingest.local.EmbeddedBroker;
import io.threatingest.support.AmqpQueueReader;
import io.threatingest.support.AmqpQueueWriter;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerEndpoint;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.NeedsEmbeddedBroker;
import io.threatingest.support.NeedsRedis;
import io.threatingest.support.PackagedReplica;
import io.threatingest.support.QueueReader;
import io.threatingest.support.QueueWriter;
import io.threatingest.support.RedisServer;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonObject;

/**
 * Two replicas of the packaged service, two processes that share only the broker and Redis (the redis state
 * backend), as the manifests run them: scans, rate limits and idempotency keys behave as for one service.
 */
@BrokerFacing
@NeedsEmbeddedBroker
@NeedsRedis
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoReplicasIT {

    private static final int BURST = 20;
    private static final String FEED = "b6f4c3e2-1a0d-4c5b-8e7f-9a8b7c6d5e4f";
    private static final String TAXII = "application/taxii+json;version=2.1";

    private final AuthFixtureResource auth = new AuthFixtureResource();
    private Path dir;
    private EmbeddedBroker broker;
    private RedisServer redis;
    private HttpServer receiver;
    private final Map<String, AtomicInteger> webhookCalls = new ConcurrentHashMap<>();
    private PackagedReplica a;
    private PackagedReplica b;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("threat-ingest-replicas");
        broker = new EmbeddedBroker("127.0.0.1", 0, dir.resolve("broker").toString(), false,
                EmbeddedBrokerResource.QUEUES).start();
        redis = new RedisServer().start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String id = new JsonObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getString("id");
            webhookCalls.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Map<String, String> settings = new HashMap<>(auth.start()); // JWKS server and API key file
        settings.putAll(Map.ofEntries(
                Map.entry("ingest.broker.host", "127.0.0.1"),
                Map.entry("ingest.broker.port", Integer.toString(broker.port())),
                Map.entry("ingest.state.backend", "redis"),
                Map.entry("quarkus.redis.hosts", redis.uri()),
                Map.entry("ingest.state.secret-key", "dGhyZWF0LWluZ2VzdCB0ZXN0IGtleSwgMzIgYnl0ZXM="),
                Map.entry("ingest.rate-limit.enabled", "true"),
                Map.entry("ingest.rate-limit.burst", Integer.toString(BURST)),
                Map.entry("ingest.rate-limit.requests-per-second", "0.01"),
                Map.entry("ingest.scan.webhook.allow-http", "true"),
                Map.entry("ingest.scan.webhook.allowed-hosts", "127.0.0.1"),
                Map.entry("ingest.taxii.collections." + FEED + ".title", "Replicated feed")));
        a = PackagedReplica.start("a", settings);
        b = PackagedReplica.start("b", settings);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[]{ a, b, redis::close, () -> receiver.stop(0),
                broker::stop, auth::stop }) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    private HttpResponse<String> call(PackagedReplica replica, String method, String path, String body,
            TestCredentials.Key key) throws Exception {
        return call(replica, method, path, body, Map.of("api-key", key.keyId(), "api-secret", key.secret()));
    }

    /** As a reporter of its own (a fresh token subject), so that the scans do not spend a shared rate limit. */
    private HttpResponse<String> asNewReporter(PackagedReplica replica, String method, String path, String body)
            throws Exception {
        String token = TestCredentials.rs256(TestCredentials.claims("replicas-" + UUID.randomUUID(),
                List.of("reporter"), List.of("soc")));
        return call(replica, method, path, body, Map.of("Authorization", "Bearer " + token));
    }

    private HttpResponse<String> call(PackagedReplica replica, String method, String path, String body,
            Map<String, String> credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica.base() + path))
                .timeout(PackagedReplica.timeout());
        credentials.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void scansAreOneTaskWhicheverReplicaIsAskedAndEveryWebhookIsCalledOnce() throws Exception {
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String body = "{\"target\":\"replica-" + i + ".example.org\",\"webhook\":{\"url\":\"" + hook + "\"}}";
            HttpResponse<String> first = asNewReporter(i % 2 == 0 ? a : b, "POST", "/api/ingest/v1/scan", body);
            HttpResponse<String> second = asNewReporter(i % 2 == 0 ? b : a, "POST", "/api/ingest/v1/scan", body);
            assertEquals(202, first.statusCode(), first.body());
            assertEquals(200, second.statusCode(), second.body());
            String id = new JsonObject(first.body()).getString("id");
            assertEquals(id, new JsonObject(second.body()).getString("id"), "one task for the target");
            tasks.add(id);
        }
        for (String id : tasks) {
            assertEquals(200, asNewReporter(a, "GET", "/api/ingest/v1/scan/" + id, null).statusCode());
            assertEquals(200, asNewReporter(b, "GET", "/api/ingest/v1/scan/" + id, null).statusCode());
        }
        // the scanners report; each report goes to whichever replica's consumer takes it, some twice
        try (QueueWriter scanners = new AmqpQueueWriter(new BrokerEndpoint("127.0.0.1", broker.port(), null, null),
                "ingest.scan-status")) {
            for (String status : List.of("queued", "running", "done", "done")) {
                for (String id : tasks) {
                    scanners.send(UUID.randomUUID().toString(),
                            "{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}");
                }
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !tasks.stream().allMatch(webhookCalls::containsKey)) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        for (String id : tasks) {
            JsonObject task = new JsonObject(asNewReporter(b, "GET", "/api/ingest/v1/scan/" + id, null).body());
            assertEquals("done", task.getString("status"), task.encode());
            assertEquals(1, webhookCalls.getOrDefault(id, new AtomicInteger()).get(), "webhook of " + id);
            assertEquals("delivered", task.getJsonObject("webhook").getString("status"), task.encode());
        }
    }

    @Test
    void rateLimitsAreCountedOnceForBothReplicas() throws Exception {
        int refused = 0;
        for (int i = 0; i < 2 * BURST; i++) {
            int status = call(i % 2 == 0 ? a : b, "GET", "/api/ingest/v1/definitions", null, TestCredentials.ADMIN)
                    .statusCode();
            assertTrue(status == 200 || status == 429, "status " + status);
            refused += status == 429 ? 1 : 0;
        }
        System.out.printf("two replicas, burst %d: %d of %d requests refused%n", BURST, refused, 2 * BURST);
        assertTrue(refused >= BURST - 2 && refused <= BURST + 2, refused + " refused, expected about " + BURST);
    }
    @Test
    void aRetryOnTheOtherReplicaGetsTheKeptAnswerAndPublishesNothing() throws Exception {
        String token = TestCredentials.rs256(TestCredentials.claims("replicas-" + UUID.randomUUID(),
                List.of("reporter"), List.of("soc")));
        String marker = UUID.randomUUID().toString();
        String body = "{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.0.2.9\",\"text\":\"" + marker + "\"}}";
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token, "Idempotency-Key",
                UUID.randomUUID().toString());
        try (QueueReader entities = new AmqpQueueReader(new BrokerEndpoint("127.0.0.1", broker.port(), null, null),
                EmbeddedBrokerResource.ENTITIES)) {
            HttpResponse<String> first = call(a, "POST", "/api/ingest/v1/entity", body, headers);
            HttpResponse<String> again = call(b, "POST", "/api/ingest/v1/entity", body, headers);
            assertEquals(202, first.statusCode(), first.body());
            assertTrue(first.headers().firstValue("Idempotency-Replayed").isEmpty());
            assertEquals(202, again.statusCode(), again.body());
            assertEquals("true", again.headers().firstValue("Idempotency-Replayed").orElse(null));
            assertEquals(first.body(), again.body());
            HttpResponse<String> other = call(b, "POST", "/api/ingest/v1/entity", body.replace(marker, "other"),
                    headers);
            assertEquals(422, other.statusCode(), other.body());

            entities.await(new JsonObject(first.body()).getString("submissionId"), Duration.ofSeconds(10));
            Thread.sleep(1000);
            assertEquals(1, entities.received().stream()
                    .filter(message -> message.body().toString().contains(marker)).count(),
                    "one event for two requests with one key");
        }
    }

    @Test
    void aTaxiiStatusCreatedOnOneReplicaIsReadOnTheOther() throws Exception {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((TestCredentials.REPORTER.keyId() + ":"
                + TestCredentials.REPORTER.secret()).getBytes(StandardCharsets.UTF_8));
        String envelope = "{\"objects\":[{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\",\"id\":\"ipv4-addr--"
                + UUID.randomUUID() + "\",\"value\":\"192.0.2.77\"}]}";
        HttpResponse<String> added = http.send(HttpRequest
                .newBuilder(URI.create(a.base() + "/taxii2/ingest/collections/"
                        + FEED + "/objects/"))
                .timeout(PackagedReplica.timeout()).header("Authorization", basic)
                .header("Accept", TAXII).header("Content-Type", TAXII)
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, added.statusCode(), added.body());
        JsonObject status = new JsonObject(added.body());
        assertEquals(1, status.getInteger("success_count"), added.body());
        HttpResponse<String> polled = http.send(HttpRequest.newBuilder(URI.create(b.base() + "/taxii2/ingest/status/"
                + status.getString("id") + "/")).timeout(PackagedReplica.timeout()).header("Authorization", basic)
                .header("Accept", TAXII).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, polled.statusCode(), polled.body());
        assertEquals(status, new JsonObject(polled.body()));
        assertEquals(TAXII, polled.headers().firstValue("Content-Type").orElse(null));
    }
}
