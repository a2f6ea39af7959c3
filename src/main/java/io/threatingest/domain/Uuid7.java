package io.threatingest.domain;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (RFC 9562 version 7): 48 bits of Unix milliseconds, then random bits (from {@link Randomness}). */
public final class Uuid7 {

    private Uuid7() {
    }

    public static UUID next(long unixMillis) {
        SecureRandom random = Randomness.secure();
        long bits = random.nextLong();
        long high = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (bits & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
