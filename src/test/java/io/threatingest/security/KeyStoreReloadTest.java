package io.threatingest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.InjectKeyFile;
import io.threatingest.support.TestCredentials;

/** Keys added, disabled and removed in the store file take effect while the service runs. */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class KeyStoreReloadTest {

    private static final String BODY = "{\"type\":\"ip\",\"attributes\":{\"ip\":\"5.5.5.5\"}}";

    @InjectKeyFile
    Path keyFile;

    private static int statusWith(TestCredentials.Key key) {
        return key.given().contentType(ContentType.JSON).queryParam("dryRun", "true").body(BODY)
                .post("/api/ingest/v1/entity").statusCode();
    }

    /** The status once the reload has happened (the store is polled every 200 ms in tests). */
    private static int eventually(Supplier<Integer> status, int expected) throws InterruptedException {
        int last = status.get();
        for (int i = 0; i < 50 && last != expected; i++) {
            Thread.sleep(100);
            last = status.get();
        }
        return last;
    }

    @Test
    void addDisableAndRemoveAKeyWhileRunning() throws Exception {
        String original = Files.readString(keyFile);
        TestCredentials.Key added = new TestCredentials.Key("added-later", "a-secret-for-the-added-key-123",
                "late-user", List.of("soc"), List.of("reporter"), null, false);
        try {
            assertEquals(401, statusWith(added));

            Files.writeString(keyFile, original + ApiKeyStoreFiles.line(added) + "\n");
            assertEquals(200, eventually(() -> statusWith(added), 200), "an added key works after reload");

            TestCredentials.Key disabled = new TestCredentials.Key(added.keyId(), added.secret(), added.userId(),
                    added.groups(), added.roles(), null, true);
            Files.writeString(keyFile, original + ApiKeyStoreFiles.line(disabled) + "\n");
            assertEquals(401, eventually(() -> statusWith(added), 401),
                    "a disabled key stops working although its secret was verified and cached");

            Files.writeString(keyFile, original + ApiKeyStoreFiles.line(added) + "\n");
            assertEquals(200, eventually(() -> statusWith(added), 200));
            Files.writeString(keyFile, original);
            assertEquals(401, eventually(() -> statusWith(added), 401), "a removed key stops working");

            Files.writeString(keyFile, original + "{ this line is not valid\n");
            Thread.sleep(600);
            assertEquals(200, statusWith(TestCredentials.REPORTER), "an invalid file keeps the previous keys");
        } finally {
            Files.writeString(keyFile, original);
        }
    }
}
