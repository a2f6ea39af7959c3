package io.threatingest.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.threatingest.config.NotConfiguredException;

/**
 * Seals values that may hold credentials before they leave the process for the state backend (AES-256-GCM, a
 * fresh 96-bit nonce each time), so that Redis, its backups and its replicas never hold them in clear.
 */
public final class SecretBox {

    /** A sealed value that this key cannot open: another key sealed it, or it was altered. */
    public static final class Unopenable extends NotConfiguredException {

        private static final long serialVersionUID = 1L;

        public Unopenable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The box for {@code ingest.state.secret-key}, when one is set; refuses a key that is not 32 bytes. */
    public static Optional<SecretBox> of(Optional<String> base64Key) {
        return base64Key.map(text -> {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(text.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "ingest.state.secret-key is not base64 (make one with: openssl rand -base64 32)");
            }
            if (key.length != 32) {
                throw new IllegalStateException(
                        "ingest.state.secret-key must be 32 bytes (256 bits), base64 (make one with: "
                                + "openssl rand -base64 32)");
            }
            return new SecretBox(key);
        });
    }

    public String seal(String clear) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    public String open(String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | RuntimeException e) {
            // a wrong key or an altered value shows as a bad tag, bad base64, or (too short) a provider exception
            throw new Unopenable("a sealed value could not be opened: is ingest.state.secret-key the same on every "
                    + "replica?", e);
        }
    }
}
