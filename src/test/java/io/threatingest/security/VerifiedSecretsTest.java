package io.threatingest.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class VerifiedSecretsTest {

    @Test
    void remembersOnlyTheSameSecretForTheSameKey() {
        VerifiedSecrets verified = new VerifiedSecrets(TimeUnit.MINUTES.toNanos(1), 10);
        verified.remember("k1", "secret-one");
        assertTrue(verified.contains("k1", "secret-one"));
        assertFalse(verified.contains("k1", "secret-two"));
        assertFalse(verified.contains("k2", "secret-one"));
    }

    @Test
    void forgetsAfterItsTimeAndWhenCleared() throws Exception {
        VerifiedSecrets shortLived = new VerifiedSecrets(TimeUnit.MILLISECONDS.toNanos(50), 10);
        shortLived.remember("k1", "s");
        Thread.sleep(80);
        assertFalse(shortLived.contains("k1", "s"));

        VerifiedSecrets cleared = new VerifiedSecrets(TimeUnit.MINUTES.toNanos(1), 10);
        cleared.remember("k1", "s");
        cleared.clear();
        assertFalse(cleared.contains("k1", "s"));
    }

    @Test
    void isBounded() {
        VerifiedSecrets verified = new VerifiedSecrets(TimeUnit.MINUTES.toNanos(1), 2);
        verified.remember("k1", "s");
        verified.remember("k2", "s");
        verified.remember("k3", "s");
        assertFalse(verified.contains("k1", "s"));
        assertTrue(verified.contains("k3", "s"));
    }
}
