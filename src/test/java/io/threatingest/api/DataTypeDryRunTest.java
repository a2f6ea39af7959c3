package io.threatingest.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.threatingest.domain.DataType;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.DataTypeSamples;
import io.threatingest.support.DataTypeSamples.Sample;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.Sha3;
import io.threatingest.support.TestCredentials;

/** Through HTTP: a dry run gives the normalised main value and the ID for a sample of every data type. */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class DataTypeDryRunTest {

    static Stream<Sample> samples() {
        return DataTypeSamples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void dryRunShowsTheNormalisedValueAndId(Sample sample) {
        String body = "{\"type\":\"" + sample.entityType() + "\",\"attributes\":{\"" + sample.entityType() + "\":"
                + sample.json() + "}}";
        JsonPath answer = TestCredentials.reporter().contentType(ContentType.JSON).queryParam("dryRun", "true")
                .body(body)
                .post(EntityIngestTest.ENTITY)
                .then().statusCode(200)
                .body("id", equalTo(Sha3.id(sample.entityType(), sample.expected())))
                .body("entities[0].type", equalTo(sample.entityType()))
                .extract().jsonPath();
        Object value = answer.get("entities[0].value");
        if (sample.dataType() == DataType.FLOAT) {
            org.junit.jupiter.api.Assertions.assertEquals(Double.parseDouble(sample.input()),
                    ((Number) value).doubleValue());
        } else if (sample.dataType() == DataType.INTEGER) {
            org.junit.jupiter.api.Assertions.assertEquals(Long.parseLong(sample.expected()),
                    ((Number) value).longValue());
        } else {
            org.junit.jupiter.api.Assertions.assertEquals(sample.expected(), value);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void invalidValueIsA400NamingTheDataTypeAndPointer(Sample sample) {
        String invalid = sample.numeric() ? "\"not a number\"" : "{\"not\":\"a string\"}";
        String body = "{\"type\":\"" + sample.entityType() + "\",\"attributes\":{\"" + sample.entityType() + "\":"
                + invalid + "}}";
        TestCredentials.reporter().contentType(ContentType.JSON).queryParam("dryRun", "true").body(body)
                .post(EntityIngestTest.ENTITY)
                .then().statusCode(400)
                .body("error.param", equalTo("/attributes/" + sample.entityType()))
                .body("error.message", containsString("data type " + sample.dataType().label()));
    }
}
