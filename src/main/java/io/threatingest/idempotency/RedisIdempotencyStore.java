package io.threatingest.idempotency;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.threatingest.state.RedisScript;

/**
 * Idempotency keys in Redis, shared by every replica: one hash per key ({@code fp}, the claim's {@code token},
 * and {@code answer} once stored, as JSON with the body in base64), its TTL the lease while held and the
 * retention once answered, timed by the Redis server. Each step is one script, so claims never race.
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

    static final String PREFIX = "threat-ingest:idempotency:";

    // KEYS: the key. ARGV: fingerprint, token, lease ms
    private static final RedisScript CLAIM = new RedisScript("""
            local found = redis.call('HMGET', KEYS[1], 'fp', 'answer')
            if found[1] then
              return {0, found[1], found[2] or ''}
            end
            redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'token', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return {1}
            """);

    // KEYS: the key. ARGV: token, answer, retention ms
    private static final RedisScript COMPLETE = new RedisScript("""
            if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] or redis.call('HEXISTS', KEYS[1], 'answer') == 1 then
              return 0
            end
            redis.call('HSET', KEYS[1], 'answer', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """);

    // KEYS: the key. ARGV: token
    private static final RedisScript RELEASE = new RedisScript("""
            if redis.call('HGET', KEYS[1], 'token') == ARGV[1] and redis.call('HEXISTS', KEYS[1], 'answer') == 0 then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """);

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;

    public RedisIdempotencyStore(ReactiveRedisDataSource redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public Uni<Found> claim(String key, String fingerprint, String token, Duration lease) {
        return CLAIM.run(redis, List.of(PREFIX + key), List.of(fingerprint, token, millis(lease)))
                .map(answer -> {
                    if (answer.get(0).toInteger() == 1) {
                        return null;
                    }
                    String stored = answer.get(2).toString();
                    return new Found(answer.get(1).toString(), stored.isEmpty() ? null : read(stored));
                });
    }

    @Override
    public Uni<Void> complete(String key, String token, StoredAnswer answer, Duration retention) {
        return COMPLETE.run(redis, List.of(PREFIX + key), List.of(token, write(answer), millis(retention)))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> release(String key, String token) {
        return RELEASE.run(redis, List.of(PREFIX + key), List.of(token)).replaceWithVoid();
    }

    private static String millis(Duration duration) {
        return Long.toString(Math.max(1, duration.toMillis()));
    }

    private String write(StoredAnswer answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private StoredAnswer read(String stored) {
        try {
            return json.readValue(stored, StoredAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an unreadable idempotency record", e);
        }
    }
}
