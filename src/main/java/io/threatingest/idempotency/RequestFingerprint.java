package io.threatingest.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * The SHA-256 of what makes two requests the same request: method, path, raw query, {@code Content-Type} and the
 * body bytes. Each text part goes in with its length first, so that no two different requests feed the digest
 * the same bytes. The body may be fed in pieces as it arrives (a streamed body need not be kept to be hashed).
 */
public final class RequestFingerprint {

    private final SHA256Digest digest = new SHA256Digest();

    private RequestFingerprint() {
    }

    /** A fingerprint of the request line and media type, waiting for the body; absent parts are empty. */
    public static RequestFingerprint start(String method, String path, String rawQuery, String contentType) {
        RequestFingerprint fingerprint = new RequestFingerprint();
        fingerprint.part(method);
        fingerprint.part(path);
        fingerprint.part(rawQuery);
        fingerprint.part(contentType);
        return fingerprint;
    }

    public RequestFingerprint body(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
        return this;
    }

    /** The digest, hex; the fingerprint cannot be fed after this. */
    public String finish() {
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return HexFormat.of().formatHex(hash);
    }

    private void part(String text) {
        byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        lengthOf(bytes.length);
        digest.update(bytes, 0, bytes.length);
    }

    private void lengthOf(int length) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            digest.update((byte) (length >>> shift));
        }
    }

    /** The store's name for a caller's key: a digest, so that neither the caller nor the key is kept in clear. */
    static String scopedKey(String scope, String key) {
        RequestFingerprint scoped = new RequestFingerprint();
        scoped.part(scope);
        scoped.part(key);
        return scoped.finish();
    }
}
