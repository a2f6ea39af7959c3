package io.threatingest.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Expected entity IDs computed with the JDK's own SHA3-256, independently of the service's code. */
public final class Sha3 {

    private Sha3() {
    }

    public static String id(String type, String normalisedText) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA3-256").digest(normalisedText.getBytes(StandardCharsets.UTF_8));
            return type + "-" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
