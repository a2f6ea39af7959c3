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
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threatingest.client.ApiClient;
import io.threatingest.client.ApiException;
import io.threatingest.client.ApiResponse;
import io.threatingest.client.api.EntitiesApi;
import io.threatingest.client.model.Association;
import io.threatingest.client.model.Batch;
import io.threatingest.client.model.BatchItemResult;
import io.threatingest.client.model.BatchResult;
import io.threatingest.client.model.DryRun;
import io.threatingest.client.model.Entity;
import io.threatingest.client.model.RawValue;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
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
@BrokerFacing
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
                .ingestEntityWithHttpInfo(domainWithIp("Client.Example.ORG", "198.51.100.20"), null, null, null, null);

        String domainId = Sha3.id("domain", "client.example.org");
        String ipId = Sha3.id("ip", "198.51.100.20");
        assertEquals(202, answer.getStatusCode());
        assertEquals("acknowledged", answer.getData().getMessage());
        assertEquals(domainId, answer.getData().getId());
        assertEquals(List.of(domainId, ipId), answer.getData().getIds());
        JsonObject event = queues.entities().await(answer.getData().getSubmissionId(), Duration.ofSeconds(10))
                .body().toJsonObject();
        assertEquals(domainId, event.getString("rootId"));
        assertEquals(TestCredentials.REPORTER.userId(), event.getString("userId"),
                "the event records the identity of the key the client authenticated with");
    }

    @Test
    void aBatchRetriedWithTheSameIdempotencyKeyGetsTheFirstAnswerAndPublishesOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String unique = "k" + key.substring(0, 8);
        Batch batch = new Batch()
                .addEntitiesItem(domainWithIp(unique + ".Example.ORG", "198.51.100.24"))
                .addEntitiesItem(new Entity().type("ip").putAttributesItem("ip", new RawValue("300.1.1.1")))
                .addEntitiesItem(new Entity().type("url").putAttributesItem("url",
                        new RawValue("hxxps://batch[.]example[.]org/login")));
        EntitiesApi api = entities(TestCredentials.REPORTER);

        ApiResponse<BatchResult> first = api.ingestBatchWithHttpInfo(batch, null, null, "true", null, key);
        ApiResponse<BatchResult> retry = api.ingestBatchWithHttpInfo(batch, null, null, "true", null, key);

        assertEquals(202, first.getStatusCode());
        BatchResult result = first.getData();
        assertEquals(2, result.getAccepted());
        assertEquals(1, result.getRejected());
        assertEquals(BatchItemResult.StatusEnum.REJECTED, result.getItems().get(1).getStatus());
        assertEquals("/entities/1/attributes/ip", result.getItems().get(1).getError().getParam());
        assertEquals(Sha3.id("url", "https://batch.example.org/login"), result.getItems().get(2).getId());
        assertEquals("/entities/2/attributes/url", result.getItems().get(2).getRefanged().get(0).getParam());
        assertEquals(202, retry.getStatusCode());
        assertEquals(List.of("true"), retry.getHeaders().get("idempotency-replayed"));
        assertEquals(result, retry.getData(), "the retry is answered with the first answer");
        String submissionId = result.getItems().get(0).getSubmissionId();
        JsonObject event = queues.entities().await(submissionId, Duration.ofSeconds(10)).body()
                .toJsonObject();
        assertEquals(List.of(0, 2), event.getJsonArray("items").getList());
        // a later batch on the same queue: once its event is in, any event of the retry would be too
        String marker = api.ingestBatch(new Batch().addEntitiesItem(domainWithIp("marker.example.org",
                "198.51.100.25")), null, null, null, null, null).getItems().get(0).getSubmissionId();
        queues.entities().await(marker, Duration.ofSeconds(10));
        assertEquals(1, queues.entities().received().stream()
                .filter(m -> m.body().toString().contains(unique)).count(), "the retry published nothing");
    }

    @Test
    void dryRunThroughTheGeneratedClientShowsNormalisedAndRefangedValues() throws Exception {
        ApiResponse<DryRun> answer = entities(TestCredentials.REPORTER)
                .ingestEntityWithHttpInfo(domainWithIp("Dry[.]Example[.]ORG", "198.51.100.21"), "true", "true", null,
                        null);

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
                () -> entities(TestCredentials.REPORTER).ingestEntity(invalid, null, null, null, null));

        assertEquals(400, error.getCode());
        assertNotNull(error.getResponseHeaders().firstValue("x-error-id").orElse(null));
        assertTrue(error.getResponseBody().contains("\"param\":\"/attributes/ip\""), error.getResponseBody());
    }

    @Test
    void aWrongSecretIsRefusedWithoutLeakingIt() {
        TestCredentials.Key wrong = new TestCredentials.Key(TestCredentials.REPORTER.keyId(), "not-the-secret",
                "x", List.of(), List.of(), null, false);

        ApiException error = assertThrows(ApiException.class,
                () -> entities(wrong).ingestEntity(domainWithIp("refused.example.org", "198.51.100.22"), null, null,
                        null, null));

        assertEquals(401, error.getCode());
        assertFalse(error.getResponseBody().contains("not-the-secret"));
    }
}
