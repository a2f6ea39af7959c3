package io.threatingest.domain;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SHA3Digest;

/**
 * Entity identity: {@code <type>-<lowercase hex SHA3-256 of the UTF-8 normalised text>}. Uses Bouncy Castle's
 * lightweight digest (no JCA provider), one instance per thread.
 */
public final class EntityId {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<SHA3Digest> DIGEST = ThreadLocal.withInitial(() -> new SHA3Digest(256));

    private EntityId() {
    }

    public static String of(String type, String normalisedText) {
        return type + '-' + sha3Hex(normalisedText);
    }

    /** Lowercase hex SHA3-256 (FIPS 202) of the UTF-8 bytes of the text. */
    public static String sha3Hex(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        SHA3Digest digest = DIGEST.get();
        digest.update(input, 0, input.length);
        byte[] hash = new byte[32];
        digest.doFinal(hash, 0);
        char[] out = new char[64];
        for (int i = 0; i < 32; i++) {
            out[2 * i] = HEX[(hash[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[hash[i] & 0xf];
        }
        return new String(out);
    }
}
