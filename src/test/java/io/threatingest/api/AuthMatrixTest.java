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
import io.restassured.http.ContentType;
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
    record Endpoint(String name, String method, String path, String body, int success) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST /entity (reporter)", "POST", EntityIngestTest.ENTITY,
                    "{\"type\":\"ip\",\"attributes\":{\"ip\":\"9.9.9.9\"}}", 202),
            new Endpoint("POST /entity?dryRun (reporter)", "POST", EntityIngestTest.ENTITY + "?dryRun=true",
                    "{\"type\":\"ip\",\"attributes\":{\"ip\":\"9.9.9.9\"}}", 200));

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

    record Case(String name, Supplier<RequestSpecification> request, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases(Endpoint endpoint) {
        var reporterClaims = TestCredentials.claims("token-user", List.of("reporter"), List.of("soc"));
        return List.of(
                new Case("no credentials", RestAssured::given, 401),
                new Case("malformed Authorization header",
                        () -> RestAssured.given().header("Authorization", "Bearer not-a-jwt"), 401),
                new Case("Basic instead of Bearer",
                        () -> RestAssured.given().header("Authorization", "Basic dXNlcjpwYXNz"), 401),
                new Case("bad signature", () -> bearer(TestCredentials.foreign(
                        TestCredentials.claims("token-user", List.of("reporter"), List.of("soc")))), 401),
                new Case("wrong issuer", () -> bearer(TestCredentials.rs256(TestCredentials
                        .claims("token-user", List.of("reporter"), List.of("soc")).issuer("https://evil.test"))), 401),
                new Case("wrong audience", () -> bearer(TestCredentials.rs256(TestCredentials
                        .claims("token-user", List.of("reporter"), List.of("soc")).audience("someone-else"))), 401),
                new Case("expired token", () -> bearer(TestCredentials.rs256(TestCredentials
                        .claims("token-user", List.of("reporter"), List.of("soc"))
                        .issuedAt(System.currentTimeMillis() / 1000 - 3600)
                        .expiresAt(System.currentTimeMillis() / 1000 - 600))), 401),
                new Case("valid token without the role", () -> bearer(TestCredentials.rs256(
                        TestCredentials.claims("token-user", List.of("user"), List.of("soc")))), 403),
                new Case("valid RS256 token with the role", () -> bearer(TestCredentials.rs256(reporterClaims)),
                        endpoint.success()),
                new Case("valid ES256 token with the role", () -> bearer(TestCredentials.es256(
                        TestCredentials.claims("token-user", List.of("reporter"), List.of("soc")))), endpoint.success()),
                new Case("admin token", () -> bearer(TestCredentials.es256(
                        TestCredentials.claims("token-admin", List.of("admin"), List.of("ops")))), endpoint.success()),
                new Case("unknown key", () -> RestAssured.given().header("api-key", "no-such-key")
                        .header("api-secret", remember("whatever-secret-value")), 401),
                new Case("wrong secret", () -> key(TestCredentials.REPORTER, "wrong-" + TestCredentials.REPORTER.secret()),
                        401),
                new Case("key without secret", () -> RestAssured.given().header("api-key", TestCredentials.REPORTER.keyId()),
                        401),
                new Case("disabled key", () -> key(TestCredentials.DISABLED, TestCredentials.DISABLED.secret()), 401),
                new Case("expired key", () -> key(TestCredentials.EXPIRED, TestCredentials.EXPIRED.secret()), 401),
                new Case("valid key without the role", () -> key(TestCredentials.TRUSTED, TestCredentials.TRUSTED.secret()),
                        403),
                new Case("valid key with the role", () -> key(TestCredentials.REPORTER, TestCredentials.REPORTER.secret()),
                        endpoint.success()),
                new Case("admin key", () -> key(TestCredentials.ADMIN, TestCredentials.ADMIN.secret()), endpoint.success()),
                new Case("both methods at once", () -> key(TestCredentials.REPORTER, TestCredentials.REPORTER.secret())
                        .header("Authorization", "Bearer " + remember(TestCredentials.rs256(
                                TestCredentials.claims("token-user", List.of("reporter"), List.of("soc"))))), 401));
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
        Response response = c.request().get().contentType(ContentType.JSON).body(endpoint.body())
                .request(endpoint.method(), endpoint.path());
        response.then().statusCode(c.status());
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
