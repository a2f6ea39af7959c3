package io.threatingest.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Argon2idTest {

    @Test
    void hashIsAPhcStringThatVerifiesOnlyItsSecret() {
        String phc = Argon2id.hash("correct horse battery staple");
        assertTrue(phc.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), phc);
        assertTrue(Argon2id.verify("correct horse battery staple", phc));
        assertFalse(Argon2id.verify("correct horse battery stapl", phc));
        assertFalse(Argon2id.verify("", phc));
    }

    @Test
    void saltMakesEveryHashDifferent() {
        assertNotEquals(Argon2id.hash("same"), Argon2id.hash("same"));
    }

    @Test
    void malformedOrHostileParametersAreRefused() {
        String phc = Argon2id.hash("s");
        assertFalse(Argon2id.verify("s", phc.replace("argon2id", "argon2i")));
        assertFalse(Argon2id.verify("s", phc.replace("m=19456", "m=99999999")));
        assertFalse(Argon2id.verify("s", "$argon2id$v=19$m=19456,t=2,p=1$!!$!!"));
        assertFalse(Argon2id.verify("s", "not a hash"));
    }
}
