package io.threatingest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    /** A JWT's shape: three base64url parts. */
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLW9mLWFsaWNl";

    /** Wall clock (ms) and monotonic clock (ns) that only move when a test moves them. */
    private final AtomicLong wall = new AtomicLong(1_800_000_000_000L);
    private final AtomicLong nanos = new AtomicLong(42);

    private VerifiedTokens<String> tokens(long ttlNanos, int maxEntries) {
        return new VerifiedTokens<>(ttlNanos, maxEntries, wall::get, nanos::get);
    }

    private long inAnHour() {
        return wall.get() + TimeUnit.HOURS.toMillis(1);
    }

    @Test
    void findsOnlyTheTokenThatWasRemembered() {
        VerifiedTokens<String> verified = tokens(MINUTE, 10);
        verified.remember(TOKEN, "alice", inAnHour());
        assertEquals("alice", verified.find(TOKEN));
        assertNull(verified.find(TOKEN + "x"));
        assertNull(verified.find(TOKEN.substring(0, TOKEN.length() - 1) + "Z"));
    }

    @Test
    void servesNothingFromTheTokensEndOn() {
        VerifiedTokens<String> verified = tokens(MINUTE, 10);
        long end = wall.get() + 2_000;
        verified.remember(TOKEN, "alice", end);
        wall.set(end - 1);
        assertEquals("alice", verified.find(TOKEN));
        wall.set(end);
        assertNull(verified.find(TOKEN), "found at the token's end although the TTL has a minute to run");
        assertEquals(0, verified.size());
    }

    @Test
    void servesNothingOnceTheTtlHasRun() {
        VerifiedTokens<String> verified = tokens(MINUTE, 10);
        verified.remember(TOKEN, "alice", inAnHour());
        nanos.addAndGet(MINUTE - 1);
        assertEquals("alice", verified.find(TOKEN));
        nanos.addAndGet(1);
        assertNull(verified.find(TOKEN), "found after the TTL although the token has an hour to live");
    }

    @Test
    void doesNotRememberATokenAlreadyAtItsEnd() {
        VerifiedTokens<String> verified = tokens(MINUTE, 10);
        verified.remember(TOKEN, "alice", wall.get());
        assertEquals(0, verified.size());
        assertNull(verified.find(TOKEN));
    }

    @Test
    void keepsAtMostMaxSizeDroppingTheLeastRecentlyUsed() {
        VerifiedTokens<String> verified = tokens(MINUTE, 2);
        verified.remember("token-a", "a", inAnHour());
        verified.remember("token-b", "b", inAnHour());
        assertEquals("a", verified.find("token-a")); // a is now more recent than b
        verified.remember("token-c", "c", inAnHour());
        assertEquals(2, verified.size());
        assertNull(verified.find("token-b"));
        assertEquals("a", verified.find("token-a"));
        assertEquals("c", verified.find("token-c"));
    }

    @Test
    void zeroSizeOrZeroTtlRemembersNothing() {
        for (VerifiedTokens<String> off : List.of(tokens(MINUTE, 0), tokens(0, 10))) {
            assertFalse(off.enabled());
            off.remember(TOKEN, "alice", inAnHour());
            assertNull(off.find(TOKEN));
            assertEquals(0, off.size());
        }
        assertTrue(tokens(MINUTE, 1).enabled());
    }

    @Test
    void theKeyIsTheSha256OfTheTokenAndHoldsNoPartOfIt() throws Exception {
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, VerifiedTokens.key(TOKEN));

        VerifiedTokens<String> verified = tokens(MINUTE, 10);
        verified.remember(TOKEN, "alice", inAnHour());
        assertEquals(List.of(expected), verified.keys());
        for (String key : verified.keys()) {
            assertFalse(key.contains(TOKEN));
            for (String part : TOKEN.split("\\.")) {
                assertFalse(key.contains(part), "the key holds a part of the token: " + part);
            }
        }
    }
}
