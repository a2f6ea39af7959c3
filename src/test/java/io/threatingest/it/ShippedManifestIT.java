package io.threatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.sun.net.httpserver.HttpServer;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.threatingest.local.EmbeddedBroker;
import io.threatingest.security.ApiKeyStoreFiles;
import io.threatingest.support.AmqpQueueReader;
import io.threatingest.support.AmqpQueueWriter;
import io.threatingest.support.BrokerEndpoint;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.NeedsEmbeddedBroker;
import io.threatingest.support.NeedsRedis;
import io.threatingest.support.PackagedReplica;
import io.threatingest.support.QueueReader;
import io.threatingest.support.QueueWriter;
import io.threatingest.support.RedisServer;
import io.threatingest.support.ShippedConfiguration;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonObject;

/**
 * The packaged service run as the committed JVM manifest configures it: its ConfigMap and Secrets become the
 * process's whole environment, the mounted Secret its files ({@link ShippedConfiguration}). Only placeholders are
 * replaced (a real broker and Redis on loopback, their passwords, a generated sealing key, a generated token key
 * and API keys), plus one network setting the manifest rightly lacks: webhooks may reach the loopback receiver.
 * Bearer and API-key calls, an entity held by the broker, a scan whose webhook is called, the rate limit and the
 * health endpoints must all work, and the start and the shutdown must log no warning or error.
 */
@BrokerFacing
@NeedsEmbeddedBroker
@NeedsRedis
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShippedManifestIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final CompletableFuture<JsonObject> webhookCall = new CompletableFuture<>();
    private Path dir;
    private EmbeddedBroker broker;
    private RedisServer redis;
    private HttpServer receiver;
    private ShippedConfiguration shipped;
    private PackagedReplica service;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("threat-ingest-shipped");
        broker = new EmbeddedBroker("127.0.0.1", 0, dir.resolve("broker").toString(), false,
                EmbeddedBrokerResource.QUEUES).start();
        String redisPassword = UUID.randomUUID().toString();
        redis = new RedisServer().requirePassword(redisPassword).start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            webhookCall.complete(new JsonObject(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        shipped = shippedWithTestValues(dir, broker, redis, redisPassword)
                .replaceFile("jwt-public-key.pem", TestCredentials.pem(TestCredentials.RSA.getPublic()));
        service = PackagedReplica.start("shipped", shipped.environment(), Map.of(
                "ingest.scan.webhook.allow-http", "true", "ingest.scan.webhook.allowed-hosts", "127.0.0.1"));
    }

    /** The manifest's configuration with every placeholder replaced by a test value (the token key left as is). */
    static ShippedConfiguration shippedWithTestValues(Path dir, EmbeddedBroker broker, RedisServer redis,
            String redisPassword) throws Exception {
        byte[] sealingKey = new byte[32];
        new SecureRandom().nextBytes(sealingKey);
        return ShippedConfiguration.read(dir.resolve("etc-threat-ingest"))
                .replace("INGEST_BROKER_HOST", "127.0.0.1")
                .replace("INGEST_BROKER_PORT", Integer.toString(broker.port()))
                .replace("INGEST_BROKER_PASSWORD", "test-" + UUID.randomUUID())
                .replace("QUARKUS_REDIS_HOSTS", redis.uri())
                .replace("QUARKUS_REDIS_PASSWORD", redisPassword)
                .replace("INGEST_STATE_SECRET_KEY", Base64.getEncoder().encodeToString(sealingKey))
                .replaceFile("api-keys.jsonl", ApiKeyStoreFiles.content(TestCredentials.KEYS));
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[]{ service, redis, () -> receiver.stop(0),
                broker::stop }) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    /** A token as the shipped issuer and audience expect it, signed with the mounted key's private half. */
    static String token(ShippedConfiguration shipped, String subject, SignatureAlgorithm algorithm, String keyId,
            java.security.PrivateKey key) {
        return Jwt.issuer(shipped.get("MP_JWT_VERIFY_ISSUER")).audience(shipped.get("MP_JWT_VERIFY_AUDIENCES"))
                .subject(subject).claim("roles", List.of("reporter")).claim("groups", List.of("soc")).expiresIn(300)
                .jws().keyId(keyId).algorithm(algorithm).sign(key);
    }

    private HttpResponse<String> call(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.base() + path))
                .timeout(PackagedReplica.timeout())
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> bearer(String subject) {
        return Map.of("Authorization", "Bearer " + token(shipped, subject, SignatureAlgorithm.RS256, "rsa-1",
                TestCredentials.RSA.getPrivate()));
    }

    @Test
    @Order(1)
    void theHealthEndpointsAnswerUp() throws Exception {
        for (String probe : List.of("/q/health/live", "/q/health/ready", "/q/health/started", "/q/health")) {
            HttpResponse<String> health = call("GET", probe, null, Map.of());
            assertEquals(200, health.statusCode(), probe + ": " + health.body());
            assertEquals("UP", new JsonObject(health.body()).getString("status"), probe);
        }
    }

    @Test
    @Order(2)
    void entitiesSentWithABearerTokenAndWithAnApiKeyAreHeldByTheBroker() throws Exception {
        try (QueueReader entities = new AmqpQueueReader(new BrokerEndpoint("127.0.0.1", broker.port(), null, null),
                EmbeddedBrokerResource.ENTITIES)) {
            for (Map<String, String> credentials : List.of(bearer("shipped-bearer"), Map.of("api-key",
                    TestCredentials.REPORTER.keyId(), "api-secret", TestCredentials.REPORTER.secret()))) {
                HttpResponse<String> accepted = call("POST", "/api/ingest/v1/entity",
                        "{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.0.2.44\"}}", credentials);
                assertEquals(202, accepted.statusCode(), credentials.keySet() + ": " + accepted.body());
                assertNotNull(entities.await(new JsonObject(accepted.body()).getString("submissionId"),
                        Duration.ofSeconds(10)), "the event is on the queue");
            }
        }
    }

    @Test
    @Order(3)
    void aScanWithAWebhookIsStoredSealedAndItsWebhookIsCalledWhenTheScannerReports() throws Exception {
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        HttpResponse<String> created = call("POST", "/api/ingest/v1/scan", "{\"target\":\"shipped.example.org\","
                + "\"webhook\":{\"url\":\"" + hook + "\",\"headers\":[{\"key\":\"Authorization\","
                + "\"value\":\"Bearer receiver-secret\"}]}}", bearer("shipped-scanner"));
        assertEquals(202, created.statusCode(), created.body());
        String id = new JsonObject(created.body()).getString("id");
        assertTrue(!redis.dump().contains("receiver-secret"), "the webhook's credentials are sealed in Redis");
        try (QueueWriter scanner = new AmqpQueueWriter(new BrokerEndpoint("127.0.0.1", broker.port(), null, null),
                "ingest.scan-status")) {
            scanner.send(UUID.randomUUID().toString(), "{\"id\":\"" + id + "\",\"status\":\"done\"}");
        }
        JsonObject called = webhookCall.get(30, TimeUnit.SECONDS);
        assertEquals(id, called.getString("id"), called.encode());
        assertEquals("done", called.getString("status"), called.encode());
    }

    @Test
    @Order(4)
    void theShippedRateLimitRefusesABurstBeyondItsSize() throws Exception {
        Map<String, String> admin = Map.of("api-key", TestCredentials.ADMIN.keyId(), "api-secret",
                TestCredentials.ADMIN.secret());
        HttpResponse<String> refused = null;
        int sent = 0;
        while (refused == null && sent < 2000) {
            HttpResponse<String> answer = call("GET", "/api/ingest/v1/definitions", null, admin);
            sent++;
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                assertEquals(200, answer.statusCode(), answer.body());
            }
        }
        assertNotNull(refused, "no 429 in " + sent + " requests");
        assertTrue(sent > 100, "refused after " + sent + " requests, within the shipped burst of 100");
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), refused.headers().toString());
        assertTrue(refused.headers().firstValue("x-error").isPresent(), refused.headers().toString());
    }

    @Test
    @Order(5)
    void aCleanStartAndACleanShutdownLogNoWarningOrError() throws Exception {
        service.stop();
        List<String> lines = service.logLines();
        assertTrue(lines.stream().anyMatch(line -> line.contains("\"level\":\"INFO\"")), "JSON log lines: " + lines);
        List<String> loud = lines.stream().filter(line -> line.contains("\"level\":\"WARN\"")
                || line.contains("\"level\":\"ERROR\"") || !line.startsWith("{")).toList();
        assertEquals(List.of(), loud, "lines of warning or error, or not JSON, at start and shutdown");
    }
}
