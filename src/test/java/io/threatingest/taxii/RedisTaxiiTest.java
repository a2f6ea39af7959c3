package io.threatingest.taxii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectRedis;
import io.threatingest.support.NeedsRedis;
import io.threatingest.support.RedisServer;
import io.threatingest.support.RedisServerResource;
import io.threatingest.support.RedisStateProfile;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonObject;

/**
 * TAXII statuses in a real Redis: read back as answered, kept with a time to live, holding no secret. In the Redis
 * start of {@link RedisStateProfile}, none of whose settings concerns TAXII.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@WithTestResource(RedisServerResource.class)
@TestProfile(RedisStateProfile.class)
@NeedsRedis
class RedisTaxiiTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void aStatusIsKeptInRedisForTheRetentionWithoutSecrets() throws Exception {
        Response added = TaxiiTest.add(TestCredentials.reporter(), TaxiiTest.FEED, TaxiiTest.Envelope.fresh().body());
        added.then().statusCode(202);
        String id = added.path("id");
        Response read = TaxiiTest.taxii(TestCredentials.reporter()).get(TaxiiTest.ROOT + "status/" + id + "/");
        read.then().statusCode(200).contentType(TaxiiTest.TAXII);
        assertEquals(new JsonObject(added.asString()), new JsonObject(read.asString()));
        TaxiiTest.assertTaxiiError(TaxiiTest.taxii(TestCredentials.ADMIN.given())
                .get(TaxiiTest.ROOT + "status/" + id + "/"), 404);

        String key = "threat-ingest:{taxii}:status:" + id;
        long ttl = Long.parseLong(redis.cli("PTTL", key).trim());
        assertTrue(ttl > 23 * 3600_000L && ttl <= 24 * 3600_000L, "expires with the retention (24h), PTTL " + ttl);
        String dump = redis.dump();
        assertTrue(dump.contains(id), "the status is in Redis");
        assertFalse(dump.contains(TestCredentials.REPORTER.secret()), "no secret");
        assertFalse(dump.contains(TestCredentials.REPORTER.keyId()), "no key id");
        assertFalse(dump.contains(TestCredentials.REPORTER.userId()), "the owner only as a digest");
    }
}
