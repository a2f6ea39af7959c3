package io.threatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.threatingest.local.EmbeddedBroker;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.NeedsEmbeddedBroker;
import io.threatingest.support.NeedsRedis;
import io.threatingest.support.PackagedReplica;
import io.threatingest.support.RedisServer;
import io.threatingest.support.ShippedConfiguration;
import io.threatingest.support.TestCredentials;

/**
 * The packaged service started again and again in the shipped configuration (the JVM manifest's: Redis backend,
 * rate limiting on), with each kind of token key in the mounted key file: every start must accept the tokens of its
 * key. smallrye-jwt once chose a PEM key's type by the first algorithm of a set whose order changed between starts,
 * and most starts refused every token. A key that fits none of the allowed algorithms, or the Redis backend without
 * a sealing key, must stop the start with a message that names the setting.
 */
@NeedsEmbeddedBroker
@NeedsRedis
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenKeysAcrossStartsIT {

    private static final int STARTS = 6;
    /** Starts launched at once: each is an independent process, and together they use both cores of a CI machine. */
    private static final int TOGETHER = 3;

    private record Signer(SignatureAlgorithm algorithm, String keyId, PrivateKey key) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private Path dir;
    private EmbeddedBroker broker;
    private RedisServer redis;
    private String redisPassword;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("threat-ingest-starts");
        broker = new EmbeddedBroker("127.0.0.1", 0, dir.resolve("broker").toString(), false,
                EmbeddedBrokerResource.QUEUES).start();
        redisPassword = UUID.randomUUID().toString();
        redis = new RedisServer().requirePassword(redisPassword).start();
    }

    @AfterAll
    void stop() throws Exception {
        redis.close();
        broker.stop();
    }

    private ShippedConfiguration shipped(String run) throws Exception {
        return ShippedManifestIT.shippedWithTestValues(dir.resolve(run), broker, redis, redisPassword);
    }

    @Test
    void anRsaPemKeyVerifiesItsTokensOnEveryStart() throws Exception {
        everyStartAccepts("rsa-pem", TestCredentials.pem(TestCredentials.RSA.getPublic()),
                List.of(new Signer(SignatureAlgorithm.RS256, "rsa-1", TestCredentials.RSA.getPrivate())));
    }

    @Test
    void anEcPemKeyVerifiesItsTokensOnEveryStart() throws Exception {
        everyStartAccepts("ec-pem", TestCredentials.pem(TestCredentials.EC.getPublic()),
                List.of(new Signer(SignatureAlgorithm.ES256, "ec-1", TestCredentials.EC.getPrivate())));
    }

    @Test
    void aJwksWithBothKindsVerifiesTheTokensOfEachOnEveryStart() throws Exception {
        everyStartAccepts("jwks", TestCredentials.jwks(),
                List.of(new Signer(SignatureAlgorithm.RS256, "rsa-1", TestCredentials.RSA.getPrivate()),
                        new Signer(SignatureAlgorithm.ES256, "ec-1", TestCredentials.EC.getPrivate())));
    }

    private void everyStartAccepts(String kind, String keyFile, List<Signer> signers) throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (int first = 1; first <= STARTS; first += TOGETHER) {
            Map<Integer, ShippedConfiguration> configurations = new TreeMap<>();
            Map<Integer, PackagedReplica> replicas = new TreeMap<>();
            try {
                for (int start = first; start < first + TOGETHER && start <= STARTS; start++) {
                    ShippedConfiguration shipped = shipped(kind + "-" + start).replaceFile("jwt-public-key.pem",
                            keyFile);
                    configurations.put(start, shipped);
                    replicas.put(start, PackagedReplica.launch(kind + "-" + start, shipped.environment(), Map.of()));
                }
                for (Map.Entry<Integer, PackagedReplica> replica : replicas.entrySet()) {
                    int start = replica.getKey();
                    PackagedReplica service = replica.getValue();
                    service.awaitReady();
                    for (Signer signer : signers) {
                        String token = ShippedManifestIT.token(configurations.get(start),
                                kind + "-" + UUID.randomUUID(), signer.algorithm(), signer.keyId(), signer.key());
                        HttpResponse<String> answer = http.send(HttpRequest
                                .newBuilder(URI.create(service.base() + "/api/ingest/v1/entity?dryRun=true"))
                                .timeout(PackagedReplica.timeout()).header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.0.2.45\"}}"))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        outcomes.add("start " + start + " " + signer.algorithm() + ": " + answer.statusCode()
                                + (answer.statusCode() == 200 ? "" : " " + answer.body()));
                    }
                    service.stop();
                    List<String> loud = service.logLines().stream().filter(line -> line.contains(
                            "\"level\":\"WARN\"") || line.contains("\"level\":\"ERROR\"")).toList();
                    assertEquals(List.of(), loud, kind + ", start " + start + ": warnings or errors logged");
                }
            } finally {
                for (PackagedReplica replica : replicas.values()) {
                    replica.close();
                }
            }
        }
        System.out.printf("%s, %d starts: %s%n", kind, STARTS, outcomes);
        assertTrue(outcomes.stream().allMatch(outcome -> outcome.endsWith(": 200")), kind + ": " + outcomes);
    }

    @Test
    void aKeyThatFitsNoAllowedAlgorithmStopsTheStartNamingTheSetting() throws Exception {
        ShippedConfiguration shipped = shipped("ec-rs256-only")
                .replaceFile("jwt-public-key.pem", TestCredentials.pem(TestCredentials.EC.getPublic()));
        Map<String, String> environment = new java.util.HashMap<>(shipped.environment());
        environment.put("MP_JWT_VERIFY_PUBLICKEY_ALGORITHM", "RS256");
        refusedNaming("ec-rs256-only", environment, "mp.jwt.verify.publickey.algorithm");
    }

    @Test
    void theShippedPlaceholderKeyStopsTheStartNamingTheSetting() throws Exception {
        refusedNaming("placeholder-key", shipped("placeholder-key").environment(),
                "mp.jwt.verify.publickey.location");
    }

    @Test
    void theRedisBackendWithoutASealingKeyStopsTheStartNamingTheSetting() throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(shipped("no-sealing-key")
                .replaceFile("jwt-public-key.pem", TestCredentials.pem(TestCredentials.RSA.getPublic()))
                .environment());
        environment.remove("INGEST_STATE_SECRET_KEY");
        refusedNaming("no-sealing-key", environment, "ingest.state.secret-key");
    }

    @Test
    void withWebhooksSwitchedOffTheRedisBackendStartsWithoutASealingKeyAndAWebhookIsA503() throws Exception {
        ShippedConfiguration shipped = shipped("webhooks-off")
                .replaceFile("jwt-public-key.pem", TestCredentials.pem(TestCredentials.RSA.getPublic()));
        Map<String, String> environment = new java.util.HashMap<>(shipped.environment());
        environment.remove("INGEST_STATE_SECRET_KEY");
        environment.put("INGEST_SCAN_WEBHOOK_ENABLED", "false");
        try (PackagedReplica service = PackagedReplica.start("webhooks-off", environment, Map.of())) {
            String token = ShippedManifestIT.token(shipped, "webhooks-off", SignatureAlgorithm.RS256, "rsa-1",
                    TestCredentials.RSA.getPrivate());
            HttpResponse<String> answer = http.send(HttpRequest
                    .newBuilder(URI.create(service.base() + "/api/ingest/v1/scan"))
                    .timeout(PackagedReplica.timeout()).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"target\":\"off.example.org\","
                            + "\"webhook\":{\"url\":\"https://receiver.example.org/hook\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, answer.statusCode(), answer.body());
            assertTrue(answer.headers().firstValue("x-error").orElse("").contains("ingest.scan.webhook.enabled"),
                    answer.headers().toString());
            assertTrue(answer.headers().firstValue("x-error-id").isPresent());
        }
    }

    private void refusedNaming(String name, Map<String, String> environment, String setting) throws Exception {
        PackagedReplica service = PackagedReplica.launch(name, environment, Map.of());
        int exit = service.awaitExit(Duration.ofSeconds(60));
        assertNotEquals(-1, exit, name + ": still running");
        assertNotEquals(0, exit, name + ": exit code");
        List<String> lines = service.logLines();
        assertTrue(lines.stream().anyMatch(line -> line.contains(setting)), name + ": no line names " + setting
                + ": " + lines);
    }
}
