package io.threatingest.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import io.threatingest.domain.Randomness;

/**
 * Argon2id password hashing (Bouncy Castle's lightweight generator) in the PHC string form
 * {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>}, base64 without padding.
 */
public final class Argon2id {

    /** OWASP's recommended minimum: 19 MiB, 2 iterations, 1 lane. */
    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private Argon2id() {
    }

    public static String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        Randomness.secure().nextBytes(salt);
        byte[] hash = derive(secret, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether the secret matches the PHC string; compares in constant time. False for a malformed string. */
    public static boolean verify(String secret, String phc) {
        try {
            String[] parts = phc.split("\\$", -1);
            if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
                return false;
            }
            int memory = 0;
            int iterations = 0;
            int parallelism = 0;
            for (String parameter : parts[3].split(",")) {
                String[] pair = parameter.split("=", 2);
                int value = Integer.parseInt(pair[1]);
                switch (pair[0]) {
                    case "m" -> memory = value;
                    case "t" -> iterations = value;
                    case "p" -> parallelism = value;
                    default -> {
                        return false;
                    }
                }
            }
            if (memory < 8 || memory > 4 * 1024 * 1024 || iterations < 1 || iterations > 100 || parallelism < 1
                    || parallelism > 64) {
                return false;
            }
            byte[] salt = B64_DECODER.decode(parts[4]);
            byte[] expected = B64_DECODER.decode(parts[5]);
            byte[] actual = derive(secret, salt, memory, iterations, parallelism, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /**
     * Runs the hash's code {@code rounds} times over 1 MiB instead of 19, so that the JIT compiles it before the
     * first real check without a 19 MiB allocation beside that check: at start the heap is small, and two checks
     * at once filled it in a string of collections.
     */
    static void warmUp(int rounds) {
        byte[] salt = new byte[SALT_BYTES];
        for (int i = 0; i < rounds; i++) {
            derive("warm-up", salt, 1024, ITERATIONS, PARALLELISM, HASH_BYTES);
        }
    }

    private static byte[] derive(String secret, byte[] salt, int memoryKib, int iterations, int parallelism,
            int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
