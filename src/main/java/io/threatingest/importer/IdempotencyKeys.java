package io.threatingest.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code Idempotency-Key} of each request: derived from the file, the format, the chunk's place and its bytes,
 * so that an import run again after an interruption is answered from the first answers for the chunks already
 * done.
 */
final class IdempotencyKeys {

    static final String KEY_PREFIX = "ti-import-";

    private IdempotencyKeys() {
    }

    /**
     * The chunk's key: a SHA-256 of the file's SHA-256, the format, the request path and query (reputation and
     * tags are part of what the service fingerprints), the chunk's index and its bytes' SHA-256.
     */
    static String key(String fileHash, Format format, String query, Chunk chunk) {
        String material = fileHash + "\n" + format.label() + "\n" + format.path + query + "\n" + chunk.index() + "\n"
                + hex(digest(chunk.body()));
        return KEY_PREFIX + hex(digest(material.getBytes(StandardCharsets.UTF_8)));
    }

    /** The key of the request that sends a chunk's unavailable items once more: its own, derived from the chunk's. */
    static String retryKey(String chunkKey, byte[] body) {
        return KEY_PREFIX + hex(digest((chunkKey + "\nunavailable\n" + hex(digest(body))).getBytes(
                StandardCharsets.UTF_8)));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest sha = sha();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return hex(sha.digest());
    }

    private static byte[] digest(byte[] bytes) {
        return sha().digest(bytes);
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
