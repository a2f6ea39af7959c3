package io.threatingest.idempotency;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * Where idempotency keys live: in this process ({@link MemoryIdempotencyStore}) or in the state backend
 * ({@link RedisIdempotencyStore}), shared by every replica. Keys arrive already scoped and hashed. Each operation
 * is atomic, so two requests with one key never both hold it.
 */
public interface IdempotencyStore {

    /** What {@link #claim} found when the key was already taken: the fingerprint, and the answer once stored. */
    record Found(String fingerprint, StoredAnswer answer) {
    }

    /**
     * Takes the key for {@code lease} with {@code token}, unless it is held or answered: then what is there is
     * returned and nothing changes. {@code null} means the key is now held by this call.
     */
    Uni<Found> claim(String key, String fingerprint, String token, Duration lease);

    /** Stores the answer for {@code retention}, if the key is still held with {@code token}. */
    Uni<Void> complete(String key, String token, StoredAnswer answer, Duration retention);

    /** Frees the key, if it is still held (not answered) with {@code token}. */
    Uni<Void> release(String key, String token);
}
