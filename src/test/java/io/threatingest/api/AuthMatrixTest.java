package io.threatingest.api;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.TestCredentials;

/**
 * Every endpoint that exists, under every kind of credentials: status, the challenge on 401 (and none on
 * 403), and the error headers. Afterwards, no log line written meanwhile may contain a secret or a token.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthMatrixTest {

    /** An endpoint, the role it requires and a request that succeeds with that role. */
    record Endpoint(String name, String method, String path, String role, String body, Set<Integer> success,
            String contentType) {

        Endpoint(String name, String method, String path, String role, String body, Set<Integer> success) {
            this(name, method, path, role, body, success, "application/json");
        }

        @Override
        public String toString() {
            return name;
        }

        /** A key holding exactly the required role, and one holding another. */
        TestCredentials.Key keyWithRole() {
            return role.equals("reporter") ? TestCredentials.REPORTER : TestCredentials.TRUSTED;
        }

        TestCredentials.Key keyWithoutRole() {
            return role.equals("reporter") ? TestCredentials.TRUSTED : TestCredentials.REPORTER;
        }
    }

    static final String IP = "{\"type\":\"ip\",\"attributes\":{\"ip\":\"9.9.9.9\"}}";
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST /entity", "POST", EntityIngestTest.ENTITY, "reporter", IP, Set.of(202)),
            new Endpoint("POST /entity?dryRun", "POST", EntityIngestTest.ENTITY + "?dryRun=true", "reporter", IP,
                    Set.of(200)),
            new Endpoint("POST /well-known", "POST", "/api/ingest/v1/well-known", "trusted", IP, Set.of(202)),
            new Endpoint("POST /association", "POST", "/api/ingest/v1/association", "reporter",
                    "{\"entity\":{\"type\":\"ip\",\"value\":\"9.9.9.9\"},\"relatedEntity\":{\"type\":\"asn\",\"value\":19281}}",
                    Set.of(202)),
            new Endpoint("POST /comment", "POST", "/api/ingest/v1/comment", "reporter",
                    "{\"entity\":{\"type\":\"ip\",\"value\":\"9.9.9.9\"},\"comment\":\"quad nine\"}", Set.of(202)),
            new Endpoint("GET /definitions", "GET", "/api/ingest/v1/definitions", "trusted", null, Set.of(200)),
            new Endpoint("POST /scan", "POST", "/api/ingest/v1/scan", "reporter", "{\"target\":\"9.9.9.9\"}",
                    Set.of(200, 202)),
            new Endpoint("POST /stix", "POST", "/api/ingest/v1/stix", "reporter", "{\"type\":\"bundle\",\"id\":"
                    + "\"bundle--1\",\"objects\":[{\"type\":\"ipv4-addr\",\"id\":\"ipv4-addr--1\",\"value\":"
                    + "\"9.9.9.9\"}]}", Set.of(202)),
            new Endpoint("POST /misp", "POST", "/api/ingest/v1/misp", "reporter", "{\"Event\":{\"Attribute\":"
                    + "[{\"type\":\"ip-dst\",\"value\":\"9.9.9.9\"}]}}", Set.of(202)),
            new Endpoint("POST /extract", "POST", "/api/ingest/v1/extract?submit=true", "reporter",
                    "quad nine: 9.9.9[.]9", Set.of(202), "text/plain"));

    /** Every secret and token the matrix sends, to look for in the logs afterwards. */
    static final Set<String> SENT_SECRETS = ConcurrentHashMap.newKeySet();

    private static String remember(String secret) {
        SENT_SECRETS.add(secret);
        return secret;
    }

    private static RequestSpecification bearer(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + remember(token));
    }

    private static RequestSpecification key(TestCredentials.Key key, String secret) {
        return RestAssured.given().header("api-key", key.keyId()).header("api-secret", remember(secret));
    }

    /** {@code status} 0 means one of the endpoint's success codes. */
    record Case(String name, Supplier<RequestSpecification> request, int status) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases(Endpoint endpoint) {
        List<String> role = List.of(endpoint.role());
        var withRole = TestCredentials.claims("token-user", role, List.of("soc"));
        return List.of(
                new Case("no credentials", RestAssured::given, 401),
                new Case("malformed Authorization header",
                        () -> RestAssured.given().header("Authorization", "Bearer not-a-jwt"), 401),
                new Case("Basic instead of Bearer",
                        () -> RestAssured.given().header("Authorization", "Basic dXNlcjpwYXNz"), 401),
                new Case("bad signature", () -> bearer(TestCredentials.foreign(
                        TestCredentials.claims("token-user", role, List.of("soc")))), 401),
                new Case("wrong issuer", () -> bearer(TestCredentials.rs256(TestCredentials
                        .claims("token-user", role, List.of("soc")).issuer("https://evil.test"))), 401),
                new Case("wrong audience", () -> bearer(TestCredentials.rs256(TestCredentials
                        .claims("token-user", role, List.of("soc")).audience("someone-else"))), 401),
                new Case("expired token", () -> bearer(TestCredentials.rs256(TestCredentials
                        .claims("token-user", role, List.of("soc"))
                        .issuedAt(System.currentTimeMillis() / 1000 - 3600)
                        .expiresAt(System.currentTimeMillis() / 1000 - 600))), 401),
                new Case("valid token without the role", () -> bearer(TestCredentials.rs256(
                        TestCredentials.claims("token-user", List.of("user"), List.of("soc")))), 403),
                new Case("valid RS256 token with the role", () -> bearer(TestCredentials.rs256(withRole)), 0),
                new Case("valid ES256 token with the role", () -> bearer(TestCredentials.es256(
                        TestCredentials.claims("token-user", role, List.of("soc")))), 0),
                new Case("admin token", () -> bearer(TestCredentials.es256(
                        TestCredentials.claims("token-admin", List.of("admin"), List.of("ops")))), 0),
                new Case("unknown key", () -> RestAssured.given().header("api-key", "no-such-key")
                        .header("api-secret", remember("whatever-secret-value")), 401),
                new Case("wrong secret",
                        () -> key(TestCredentials.REPORTER, "wrong-" + TestCredentials.REPORTER.secret()),
                        401),
                new Case("key without secret",
                        () -> RestAssured.given().header("api-key", TestCredentials.REPORTER.keyId()),
                        401),
                new Case("disabled key", () -> key(TestCredentials.DISABLED, TestCredentials.DISABLED.secret()), 401),
                new Case("expired key", () -> key(TestCredentials.EXPIRED, TestCredentials.EXPIRED.secret()), 401),
                new Case("valid key without the role",
                        () -> key(endpoint.keyWithoutRole(), endpoint.keyWithoutRole().secret()), 403),
                new Case("valid key with the role", () -> key(endpoint.keyWithRole(), endpoint.keyWithRole().secret()),
                        0),
                new Case("admin key", () -> key(TestCredentials.ADMIN, TestCredentials.ADMIN.secret()), 0),
                new Case("both methods at once", () -> key(TestCredentials.REPORTER, TestCredentials.REPORTER.secret())
                        .header("Authorization", "Bearer " + remember(TestCredentials.rs256(
                                TestCredentials.claims("token-user", role, List.of("soc"))))),
                        401));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Case c : cases(endpoint)) {
                rows.add(Arguments.of(endpoint, c));
            }
        }
        return rows.stream();
    }

    private final List<String> logLines = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {

        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (record.getParameters() != null) {
                message = message + " " + java.util.Arrays.toString(record.getParameters());
            }
            logLines.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterAll
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("matrix")
    @Order(1)
    void statusChallengeAndErrorHeaders(Endpoint endpoint, Case c) {
        RequestSpecification request = c.request().get();
        if (endpoint.body() != null) {
            request.contentType(endpoint.contentType()).body(endpoint.body());
        }
        Response response = request.request(endpoint.method(), endpoint.path());
        if (c.status() == 0) {
            assertTrue(endpoint.success().contains(response.statusCode()), "status " + response.statusCode()
                    + " " + response.header("x-error"));
        } else {
            response.then().statusCode(c.status());
        }
        if (c.status() >= 400) {
            response.then()
                    .header("x-error", not(emptyOrNullString()))
                    .header("x-error-id", matchesPattern(EntityIngestTest.UUID_PATTERN));
        }
        if (c.status() == 401) {
            response.then().header("WWW-Authenticate", matchesPattern("Bearer realm=\"[^\"]+\", ApiKey realm=.*"));
        } else {
            response.then().header("WWW-Authenticate", nullValue());
        }
    }

    @Test
    @Order(2)
    void noLogLineContainsASecretOrAToken() {
        assertTrue(SENT_SECRETS.size() > 10, "the matrix ran");
        assertTrue(logLines.stream().anyMatch(line -> line.contains("authentication failed")),
                "failed authentications are logged");
        for (String line : logLines) {
            for (String secret : SENT_SECRETS) {
                assertTrue(!line.contains(secret), "a log line contains a secret or token: " + line);
            }
            for (TestCredentials.Key key : TestCredentials.KEYS) {
                assertTrue(!line.contains(key.secret()), "a log line contains the secret of " + key.keyId());
            }
        }
    }
}
