package io.threatingest.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.RedisServerResource;
import io.threatingest.support.TestCredentials;

/**
 * The metrics of the dashboard and the rules that only exist once the broker or the state backend has failed
 * ({@link MonitoringMetricsTest#OUTAGE_ONLY}) are exposed after an entity and a scan submitted while neither
 * answers; the readiness gauge is then 0.
 */
@QuarkusTest
@WithTestResource(AuthFixtureResource.class)
@TestProfile(MonitoringOutageMetricsTest.NothingAnswers.class)
class MonitoringOutageMetricsTest {

    /** The broker and the redis backend on loopback ports nothing listens on. */
    public static class NothingAnswers implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ingest.broker.host", "127.0.0.1",
                    "ingest.broker.port", Integer.toString(closedPort()),
                    "ingest.state.backend", "redis",
                    "quarkus.redis.hosts", "redis://127.0.0.1:" + closedPort(),
                    "ingest.state.secret-key", RedisServerResource.TEST_SECRET_KEY,
                    "ingest.state.timeout", "300ms");
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void outageMetricsAreExposedOnceTheBackendsFail() {
        TestCredentials.reporter().contentType(ContentType.JSON)
                .body("{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.51.100.78\"}}")
                .post("/api/ingest/v1/entity").then().statusCode(503);
        TestCredentials.reporter().contentType(ContentType.JSON).body("{\"target\":\"outage.example.org\"}")
                .post("/api/ingest/v1/scan").then().statusCode(503);

        String scrape = MonitoringMetricsTest.scrape();
        Set<String> missing = new TreeSet<>(MonitoringMetricsTest.OUTAGE_ONLY);
        missing.removeAll(MonitoringQueries.exposedNames(scrape));
        assertEquals(Set.of(), missing, "outage metrics the service does not expose");
        assertEquals(1, scrape.lines().filter("ingest_broker_connected 0.0"::equals).count(),
                "not ready while the broker does not answer");
    }
}
