package io.threatingest.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks tests that need a real {@code redis-server} ({@link RedisServer}). Where none is installed they are
 * skipped, with the reason, so that the README's test command works on a machine with only a JDK; in CI
 * ({@code CI=true}, where {@code .ci/run} installs Redis) a missing server fails them instead of skipping.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(NeedsRedis.Condition.class)
public @interface NeedsRedis {

    class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (RedisServer.installed() || "true".equals(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("redis-server available, or required in CI");
            }
            return ConditionEvaluationResult.disabled("no redis-server here (Debian: apt-get install redis-server)");
        }
    }
}
