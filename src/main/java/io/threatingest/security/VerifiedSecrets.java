package io.threatingest.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * A short-lived memory of secrets that passed Argon2id, so that a busy client does not pay the hash on every
 * request. It keeps a SHA-256 of the secret (never the secret), per key id, for a fixed time; it is bounded
 * (least recently used entries go first) and emptied whenever the key store changes.
 */
final class VerifiedSecrets {

    private record Remembered(byte[] secretDigest, long expiresAtNanos) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final Map<String, Remembered> entries;

    VerifiedSecrets(long ttlNanos, int maxEntries) {
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > VerifiedSecrets.this.maxEntries;
            }
        };
    }

    synchronized boolean contains(String keyId, String secret) {
        Remembered entry = entries.get(keyId);
        if (entry == null) {
            return false;
        }
        if (System.nanoTime() - entry.expiresAtNanos() >= 0) {
            entries.remove(keyId);
            return false;
        }
        return MessageDigest.isEqual(entry.secretDigest(), digest(secret));
    }

    synchronized void remember(String keyId, String secret) {
        if (ttlNanos > 0 && maxEntries > 0) {
            entries.put(keyId, new Remembered(digest(secret), System.nanoTime() + ttlNanos));
        }
    }

    synchronized void clear() {
        entries.clear();
    }

    static byte[] digest(String secret) {
        byte[] input = secret.getBytes(StandardCharsets.UTF_8);
        SHA256Digest sha = new SHA256Digest();
        sha.update(input, 0, input.length);
        byte[] out = new byte[32];
        sha.doFinal(out, 0);
        return out;
    }
}
