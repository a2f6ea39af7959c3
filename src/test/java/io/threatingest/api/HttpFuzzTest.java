package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.TestCredentials;

/** The pipeline fuzzer's documents, through HTTP: never a 5xx, and every error with its headers. */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class HttpFuzzTest {

    @Test
    void fuzzedDocumentsNeverGive5xx() {
        List<String> documents = new RequestPipelineFuzzTest().documents().sampleStream().limit(400).toList();
        int accepted = 0;
        for (String document : documents) {
            Response response = TestCredentials.reporter().contentType(ContentType.JSON).queryParam("dryRun", "true")
                    .body(document).post(EntityIngestTest.ENTITY);
            int status = response.statusCode();
            assertTrue(status == 200 || status == 400 || status == 403 || status == 413,
                    "status " + status + " for " + document);
            if (status == 200) {
                accepted++;
            } else {
                EntityIngestTest.assertErrorHeaders(response, status);
            }
        }
        assertTrue(accepted > 0 && accepted < documents.size(), "the corpus mixes valid and invalid documents");
    }
}
