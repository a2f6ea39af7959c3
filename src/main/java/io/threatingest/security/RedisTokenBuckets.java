package io.threatingest.security;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.digests.SHA256Digest;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.threatingest.state.RedisScript;

/**
 * Buckets in Redis, shared by every replica: one script call takes tokens atomically (refill, take and store in one
 * step, timed by the Redis server's clock so that replicas' clocks do not matter). A busy caller's requests spend a
 * lease of several tokens taken in one call ({@link TokenLeases}: at most an eighth of the burst and
 * {@code ingest.rate-limit.max-lease}); what a stale lease left unspent goes back with the next take. A bucket expires
 * once it would be full again. Keys hold a digest of the identity, not the identity.
 */
public final class RedisTokenBuckets implements TokenBuckets, TokenLeases.Source {

    private static final String REFILL = """
            local burst = tonumber(ARGV[1])
            local per_micro = tonumber(ARGV[2])
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
            local stored = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(stored[1]) or burst
            local at = tonumber(stored[2]) or now
            tokens = math.min(burst, tokens + math.max(0, now - at) * per_micro)
            """;
    private static final String STORE = """
            redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', string.format('%d', now))
            local ttl = 3600
            if per_micro > 0 then ttl = math.ceil(burst / per_micro / 1000000) + 1 end
            redis.call('EXPIRE', KEYS[1], ttl)
            """;
    /**
     * Puts back ARGV[4] unspent tokens (never above the burst), then takes up to ARGV[3] whole tokens; answers how
     * many, and the tokens left.
     */
    private static final RedisScript TAKE = new RedisScript(REFILL + """
            tokens = math.min(burst, tokens + tonumber(ARGV[4]))
            local granted = 0
            if tokens >= 1 then
              granted = math.min(tonumber(ARGV[3]), math.floor(tokens))
              tokens = tokens - granted
            end
            """ + STORE + """
            return {granted, string.format('%.6f', tokens)}
            """);
    private final ReactiveRedisDataSource redis;
    private final String burst;
    private final String perMicro;
    private final TokenLeases leases;

    public RedisTokenBuckets(ReactiveRedisDataSource redis, int burst, double perSecond, int maxLease,
            int maxIdentities) {
        this.redis = redis;
        this.burst = Integer.toString(burst);
        this.perMicro = String.format(java.util.Locale.ROOT, "%.12f", perSecond / 1e6);
        this.leases = new TokenLeases(this, Math.min(maxLease, burst / 8), maxIdentities);
    }

    @Override
    public Uni<Take> take(String identity) {
        return leases.take(identity);
    }

    @Override
    public Uni<TokenLeases.Grant> take(String identity, int wanted, int unspent) {
        return TAKE.run(redis, List.of(key(identity)),
                List.of(burst, perMicro, Integer.toString(wanted), Integer.toString(unspent)))
                .map(answer -> new TokenLeases.Grant(answer.get(0).toInteger(),
                        Double.parseDouble(answer.get(1).toString())));
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
