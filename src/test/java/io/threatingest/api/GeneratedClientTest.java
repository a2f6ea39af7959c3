package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threatingest.client.ApiClient;
import io.threatingest.client.ApiException;
import io.threatingest.client.ApiResponse;
import io.threatingest.client.api.EntitiesApi;
import io.threatingest.client.model.Association;
import io.threatingest.client.model.DryRun;
import io.threatingest.client.model.Entity;
import io.threatingest.client.model.RawValue;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.Sha3;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonObject;

/**
 * A Java client generated from docs/openapi.yaml (openapi-generator, at build time) ingests through the running
 * service with an API key pair, as a third-party integration would.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class GeneratedClientTest {

    @TestHTTPResource("/")
    URI service;

    @InjectBroker
    BrokerQueues queues;

    private EntitiesApi entities(TestCredentials.Key key) {
        ApiClient client = new ApiClient()
                .setHost(service.getHost()).setPort(service.getPort())
                .setRequestInterceptor(request -> request.header("api-key", key.keyId())
                        .header("api-secret", key.secret()));
        return new EntitiesApi(client);
    }

    private static Entity domainWithIp(String domain, String ip) {
        return new Entity().type("domain")
                .putAttributesItem("domain", new RawValue(domain))
                .reputation(-2)
                .tags(List.of("phishing"))
                .addAssociationsItem(new Association().type("ip").putAttributesItem("ip", new RawValue(ip)));
    }

    @Test
    void ingestsThroughTheGeneratedClientWithAnApiKey() throws Exception {
        ApiResponse<DryRun> answer = entities(TestCredentials.REPORTER)
                .ingestEntityWithHttpInfo(domainWithIp("Client.Example.ORG", "198.51.100.20"), null, null);

        String domainId = Sha3.id("domain", "client.example.org");
        String ipId = Sha3.id("ip", "198.51.100.20");
        assertEquals(202, answer.getStatusCode());
        assertEquals("acknowledged", answer.getData().getMessage());
        assertEquals(domainId, answer.getData().getId());
        assertEquals(List.of(domainId, ipId), answer.getData().getIds());
        JsonObject event = queues.entities().await(answer.getData().getSubmissionId(), Duration.ofSeconds(10))
                .bodyAsBinary().toJsonObject();
        assertEquals(domainId, event.getString("rootId"));
        assertEquals(TestCredentials.REPORTER.userId(), event.getString("userId"),
                "the event records the identity of the key the client authenticated with");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        Entity entity = domainWithIp("Retry.Example.ORG", "198.51.100.23");
        ApiResponse<DryRun> first = entities(TestCredentials.REPORTER).ingestEntityWithHttpInfo(entity, null, null,
                key);
        ApiResponse<DryRun> retry = entities(TestCredentials.REPORTER).ingestEntityWithHttpInfo(entity, null, null,
                key);
        assertEquals(202, retry.getStatusCode());
        assertEquals(first.getData().getSubmissionId(), retry.getData().getSubmissionId());
        assertEquals(List.of("true"), retry.getHeaders().get("idempotency-replayed"));
    }

    @Test
    void dryRunThroughTheGeneratedClientShowsNormalisedAndRefangedValues() throws Exception {
        ApiResponse<DryRun> answer = entities(TestCredentials.REPORTER)
                .ingestEntityWithHttpInfo(domainWithIp("Dry[.]Example[.]ORG", "198.51.100.21"), "true", "true", null);

        assertEquals(200, answer.getStatusCode());
        assertNull(answer.getData().getSubmissionId(), "nothing was submitted");
        assertEquals("dry.example.org", answer.getData().getEntities().get(0).getValue());
        assertEquals(Sha3.id("ip", "198.51.100.21"), answer.getData().getEntities().get(1).getId());
        assertEquals("/attributes/domain", answer.getData().getRefanged().get(0).getParam());
        assertEquals("Dry.Example.ORG", answer.getData().getRefanged().get(0).getTo());
    }

    @Test
    void errorsReachTheGeneratedClientWithTheirIdAndBody() {
        Entity invalid = new Entity().type("ip").putAttributesItem("ip", new RawValue("300.1.2.3"));

        ApiException error = assertThrows(ApiException.class,
                () -> entities(TestCredentials.REPORTER).ingestEntity(invalid, null, null));

        assertEquals(400, error.getCode());
        assertNotNull(error.getResponseHeaders().firstValue("x-error-id").orElse(null));
        assertTrue(error.getResponseBody().contains("\"param\":\"/attributes/ip\""), error.getResponseBody());
    }

    @Test
    void aWrongSecretIsRefusedWithoutLeakingIt() {
        TestCredentials.Key wrong = new TestCredentials.Key(TestCredentials.REPORTER.keyId(), "not-the-secret",
                "x", List.of(), List.of(), null, false);

        ApiException error = assertThrows(ApiException.class,
                () -> entities(wrong).ingestEntity(domainWithIp("refused.example.org", "198.51.100.22"), null, null));

        assertEquals(401, error.getCode());
        assertFalse(error.getResponseBody().contains("not-the-secret"));
    }
}
