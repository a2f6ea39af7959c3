package io.threatingest.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonObject;

/** Events carry the verified identity only; visibility follows the caller's groups. */
@BrokerFacing
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class CallerIdentityTest {

    @InjectBroker
    BrokerQueues queues;

    private JsonObject eventOf(io.restassured.specification.RequestSpecification request, String body)
            throws InterruptedException {
        String submissionId = request.contentType(ContentType.JSON).body(body).post(EntityIngestTest.ENTITY)
                .then().statusCode(202).extract().path("submissionId");
        return queues.entities().await(submissionId, Duration.ofSeconds(10)).body().toJsonObject();
    }

    @Test
    void spoofedUserIdAndGroupsHeadersAreIgnored() throws Exception {
        JsonObject event = eventOf(
                TestCredentials.reporter().header("user-id", "mallory").header("groups", "admin,ops"),
                "{\"type\":\"ip\",\"attributes\":{\"ip\":\"4.4.4.4\"}}");
        assertEquals(TestCredentials.REPORTER.userId(), event.getString("userId"));
        assertEquals(TestCredentials.REPORTER.groups(), event.getJsonArray("groups").getList());
        assertEquals(TestCredentials.REPORTER.groups(),
                event.getJsonArray("entities").getJsonObject(0).getJsonArray("visibleBy").getList());
    }

    @Test
    void tokenSubjectAndGroupsClaimBecomeTheIdentity() throws Exception {
        String token = TestCredentials.es256(TestCredentials.claims("subject-42", List.of("reporter"),
                List.of("blue", "green")).upn("someone@example.org"));
        JsonObject event = eventOf(RestAssured.given().header("Authorization", "Bearer " + token)
                .header("user-id", "mallory"), "{\"type\":\"ip\",\"attributes\":{\"ip\":\"4.4.4.4\"}}");
        assertEquals("subject-42", event.getString("userId"));
        assertEquals(List.of("blue", "green"), event.getJsonArray("groups").getList());
    }

    @Test
    void aReporterMayNameOnlyItsGroupsAndPublic() throws Exception {
        JsonObject event = eventOf(TestCredentials.reporter(),
                "{\"type\":\"ip\",\"attributes\":{\"ip\":\"4.4.4.4\"},\"visibleBy\":[\"soc\",\"public\"]}");
        assertEquals(List.of("soc", "public"),
                event.getJsonArray("entities").getJsonObject(0).getJsonArray("visibleBy").getList());

        var refused = TestCredentials.reporter().contentType(ContentType.JSON)
                .body("{\"type\":\"ip\",\"attributes\":{\"ip\":\"4.4.4.4\"},\"associations\":[{\"type\":\"asn\","
                        + "\"attributes\":{\"asn\":1},\"visibleBy\":[\"red-team\"]}]}")
                .post(EntityIngestTest.ENTITY);
        EntityIngestTest.assertErrorHeaders(refused, 403);
        refused.then().body("error.param", equalTo("/associations/0/visibleBy/0"));
    }

    @Test
    void anAdminMayNameAnyGroup() throws Exception {
        JsonObject event = eventOf(TestCredentials.ADMIN.given(),
                "{\"type\":\"ip\",\"attributes\":{\"ip\":\"4.4.4.4\"},\"visibleBy\":[\"red-team\"]}");
        assertEquals(List.of("red-team"),
                event.getJsonArray("entities").getJsonObject(0).getJsonArray("visibleBy").getList());
        assertEquals(TestCredentials.ADMIN.userId(), event.getString("userId"));
    }
}
