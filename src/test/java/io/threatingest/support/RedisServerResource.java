package io.threatingest.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The redis state backend for a test's application: a fresh {@link RedisServer}, injected into fields annotated
 * {@link InjectRedis}.
 */
public class RedisServerResource implements QuarkusTestResourceLifecycleManager {

    private RedisServer redis;

    /** A 32-byte test key, base64, for {@code ingest.state.secret-key}. */
    public static final String TEST_SECRET_KEY = "dGhyZWF0LWluZ2VzdCB0ZXN0IGtleSwgMzIgYnl0ZXM=";

    @Override
    public Map<String, String> start() {
        try {
            redis = new RedisServer().start();
        } catch (Exception e) {
            throw new IllegalStateException("redis-server did not start", e);
        }
        // The service refuses the redis backend without the key that seals webhooks there (a test value).
        return Map.of("ingest.state.backend", "redis", "quarkus.redis.hosts", redis.uri(), "ingest.state.secret-key",
                TEST_SECRET_KEY);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(redis,
                new TestInjector.AnnotatedAndMatchesType(InjectRedis.class, RedisServer.class));
    }

    @Override
    public void stop() {
        try {
            redis.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
