package io.threatingest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.JsonDiff;
import io.vertx.core.json.JsonObject;

/**
 * The committed OpenAPI document (docs/openapi.yaml, what clients are generated from) is the one the running
 * service serves. The build never writes docs/: when this fails, review the change and run
 * scripts/export-openapi.sh.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("docs/openapi.yaml");

    /** Compared as documents: the served YAML orders some keys differently from the build's stored copy. */
    @Test
    void servedDocumentIsTheCommittedOne() throws IOException {
        String served = given().accept("application/yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

        List<String> differences = JsonDiff.differences(yaml.readTree(Files.readString(COMMITTED)),
                yaml.readTree(served));
        assertEquals(List.of(), differences,
                "docs/openapi.yaml differs from the service's document at these places: review, then run "
                        + "scripts/export-openapi.sh");
    }

    @Test
    void everyOperationHasAnIdForGeneratedClients() {
        String served = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        JsonObject paths = new JsonObject(served).getJsonObject("paths");

        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                assertTrue(item.getJsonObject(method).containsKey("operationId"), method + " " + path);
            }
        }
    }
}
