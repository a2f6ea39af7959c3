package io.threatingest.taxii;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

/**
 * Statuses in Redis, shared by every replica: one string per status under its id (a UUID made here, never a
 * credential), holding a SHA-256 digest of the owner's user id and the status as JSON, written with one
 * {@code SET ... PX} so that Redis forgets it after the retention.
 */
public final class RedisTaxiiStatusStore implements TaxiiStatusStore {

    static final String PREFIX = "threat-ingest:{taxii}:status:";

    /** What is stored: whose status it is, and the status. */
    record Stored(String owner, TaxiiStatus status) {
    }

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final Duration retention;

    public RedisTaxiiStatusStore(ReactiveRedisDataSource redis, ObjectMapper json, Duration retention) {
        this.redis = redis;
        this.json = json;
        this.retention = retention;
    }

    private static String digest(String owner) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(owner.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Uni<Void> put(String owner, TaxiiStatus status) {
        String value;
        try {
            value = json.writeValueAsString(new Stored(digest(owner), status));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException(e));
        }
        return redis.execute("SET", PREFIX + status.id(), value, "PX", Long.toString(retention.toMillis()))
                .replaceWithVoid();
    }

    @Override
    public Uni<Optional<TaxiiStatus>> get(String owner, String id) {
        return redis.execute("GET", PREFIX + id).map(answer -> {
            if (answer == null) {
                return Optional.empty();
            }
            try {
                Stored stored = json.readValue(answer.toString(), Stored.class);
                return digest(owner).equals(stored.owner()) ? Optional.of(stored.status()) : Optional.empty();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable TAXII status " + id, e);
            }
        });
    }
}
