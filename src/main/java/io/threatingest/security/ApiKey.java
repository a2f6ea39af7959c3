package io.threatingest.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One API key of the key store. The secret itself is never stored: only its Argon2id hash.
 *
 * @param expiresAt when the key stops working, or {@code null} for never
 */
public record ApiKey(String keyId, String secretHash, String userId, List<String> groups, Set<String> roles,
        Instant expiresAt, boolean disabled) {

    public ApiKey {
        groups = List.copyOf(groups);
        roles = Set.copyOf(roles);
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
