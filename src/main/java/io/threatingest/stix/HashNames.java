package io.threatingest.stix;

import java.util.Locale;
import java.util.Map;

/**
 * Hash names as feeds spell them ({@code SHA-256}, {@code SHA256}, {@code sha_256}, {@code SHA3-256}, ...) to catalogue
 * type names. Case, hyphens, underscores and slashes are ignored, so {@code SHA-512/256} and {@code SHA512-256} are
 * the same.
 */
final class HashNames {

    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("md5", "md5"), Map.entry("sha1", "sha1"),
            Map.entry("sha224", "sha224"), Map.entry("sha256", "sha256"), Map.entry("sha384", "sha384"),
            Map.entry("sha512", "sha512"), Map.entry("sha3224", "sha3-224"), Map.entry("sha3256", "sha3-256"),
            Map.entry("sha3384", "sha3-384"), Map.entry("sha3512", "sha3-512"), Map.entry("sha512224", "sha512-224"),
            Map.entry("sha512256", "sha512-256"));

    private HashNames() {
    }

    /** The catalogue type for a hash name, or {@code null} for names the catalogue has no type for (SSDEEP, TLSH). */
    static String catalogueType(String name) {
        StringBuilder key = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '-' && c != '_' && c != '/') {
                key.append(c);
            }
        }
        return TYPES.get(key.toString().toLowerCase(Locale.ROOT));
    }
}
