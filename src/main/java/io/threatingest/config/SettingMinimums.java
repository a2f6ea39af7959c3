package io.threatingest.config;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/**
 * The settings that a value below their minimum would break (a window, a cap or a pool of none): checked first at
 * start, which then stops with every such setting named. Checked here rather than by Bean Validation, which
 * made the plain jar's start about half a second longer for these seven settings.
 */
@ApplicationScoped
public class SettingMinimums {

    void check(@Observes @Priority(1) StartupEvent event, IngestConfig config) {
        List<String> wrong = violations(config);
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(String.join("; ", wrong));
        }
    }

    static List<String> violations(IngestConfig config) {
        List<String> wrong = new ArrayList<>();
        atLeast(wrong, "ingest.taxii.max-statuses", config.taxii().maxStatuses(), 1);
        atLeast(wrong, "ingest.batch.trees-per-event", config.batch().treesPerEvent(), 1);
        atLeast(wrong, "ingest.batch.publish-window", config.batch().publishWindow(), 1);
        atLeast(wrong, "ingest.limits.max-batch-items", config.limits().maxBatchItems(), 1);
        atLeast(wrong, "ingest.publish.max-in-flight", config.publish().maxInFlight(), 1);
        atLeast(wrong, "ingest.auth.max-concurrent-verifications", config.auth().maxConcurrentVerifications(), 1);
        atLeast(wrong, "ingest.auth.token-cache.max-size", config.auth().tokenCache().maxSize(), 0);
        atLeast(wrong, "ingest.rate-limit.max-lease", config.rateLimit().maxLease(), 1);
        return wrong;
    }

    private static void atLeast(List<String> wrong, String setting, int value, int minimum) {
        if (value < minimum) {
            wrong.add(setting + " must be at least " + minimum + ", not " + value);
        }
    }
}
