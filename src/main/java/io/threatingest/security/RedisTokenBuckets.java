package io.threatingest.security;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.digests.SHA256Digest;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.threatingest.state.RedisScript;

/**
 * Buckets in Redis, shared by every replica: one script call per request takes a token atomically (refill, take
 * and store in one step, timed by the Redis server's clock so that replicas' clocks do not matter). A bucket
 * expires once it would be full again. Keys hold a digest of the identity, not the identity.
 */
public final class RedisTokenBuckets implements TokenBuckets {

    private static final RedisScript TAKE = new RedisScript("""
            local burst = tonumber(ARGV[1])
            local per_micro = tonumber(ARGV[2])
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
            local stored = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(stored[1]) or burst
            local at = tonumber(stored[2]) or now
            tokens = math.min(burst, tokens + math.max(0, now - at) * per_micro)
            local allowed = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            end
            redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', string.format('%d', now))
            local ttl = 3600
            if per_micro > 0 then ttl = math.ceil(burst / per_micro / 1000000) + 1 end
            redis.call('EXPIRE', KEYS[1], ttl)
            return {allowed, string.format('%.6f', tokens)}
            """);

    private final ReactiveRedisDataSource redis;
    private final String burst;
    private final String perMicro;

    public RedisTokenBuckets(ReactiveRedisDataSource redis, int burst, double perSecond) {
        this.redis = redis;
        this.burst = Integer.toString(burst);
        this.perMicro = String.format(java.util.Locale.ROOT, "%.12f", perSecond / 1e6);
    }

    @Override
    public Uni<Take> take(String identity) {
        return TAKE.run(redis, List.of(key(identity)), List.of(burst, perMicro))
                .map(answer -> new Take(answer.get(0).toInteger() == 1, Double.parseDouble(answer.get(1).toString())));
    }

    static String key(String identity) {
        byte[] bytes = identity.getBytes(StandardCharsets.UTF_8);
        SHA256Digest digest = new SHA256Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return "threat-ingest:rate:" + HexFormat.of().formatHex(hash, 0, 16);
    }
}
