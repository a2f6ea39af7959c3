package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.threatingest.support.AmqpOnly;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.BrokerQueues;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectBroker;
import io.threatingest.support.OwnBrokerProfile;
import io.threatingest.support.TestCredentials;

/**
 * Started the way the Quarkus AMQP guide configures a broker, with {@code amqp-host} and {@code amqp-port} (the
 * {@code AMQP_HOST} / {@code AMQP_PORT} environment variables) and no {@code ingest.broker.*}: the service
 * connects there and a submission is acknowledged and lands on that broker's queue. The start is that of
 * {@link OwnBrokerProfile}, whose broker is handed over under the guide's names only.
 */
@BrokerFacing
@AmqpOnly
@QuarkusTest
@WithTestResource(value = EmbeddedBrokerResource.class, initArgs = {
        @ResourceArg(name = "persistent", value = "true"), @ResourceArg(name = "settings", value = "amqp") })
@WithTestResource(AuthFixtureResource.class)
@TestProfile(OwnBrokerProfile.class)
class QuarkusAmqpSettingsTest {

    @InjectBroker
    BrokerQueues queues;

    @Test
    void connectsToTheBrokerNamedByAmqpHostAndAmqpPort() throws Exception {
        var config = ConfigProvider.getConfig();
        assertEquals(queues.endpoint().host(), config.getValue("amqp-host", String.class));
        assertEquals(queues.endpoint().port(), config.getValue("amqp-port", Integer.class));
        assertEquals(config.getValue("amqp-port", Integer.class), config.getValue("ingest.broker.port", Integer.class),
                "ingest.broker.port falls back to amqp-port");

        String submissionId = TestCredentials.reporter().contentType(ContentType.JSON)
                .body("{\"type\":\"ip\",\"attributes\":{\"ip\":\"192.0.2.77\"}}").post(EntityIngestTest.ENTITY)
                .then().statusCode(202).extract().path("submissionId");
        queues.entities().await(submissionId, Duration.ofSeconds(10));
    }
}
