package io.threatingest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The shipped settings pass; a value below a minimum is named, with every other one wrong at the same time. */
class SettingMinimumsTest {

    private static IngestConfig config(Map<String, String> overrides) throws Exception {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(
                        SettingMinimumsTest.class.getClassLoader().getResource("application.properties"), 100))
                .withSources(new PropertiesConfigSource(overrides, "test", 400))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withMapping(IngestConfig.class)
                .build()
                .getConfigMapping(IngestConfig.class);
    }

    @Test
    void theShippedSettingsPass() throws Exception {
        assertEquals(List.of(), SettingMinimums.violations(config(Map.of())));
    }

    @Test
    void everyValueBelowItsMinimumIsNamed() throws Exception {
        IngestConfig wrong = config(Map.of("ingest.publish.max-in-flight", "0", "ingest.batch.publish-window", "-1",
                "ingest.auth.token-cache.max-size", "-1", "ingest.auth.token-cache.ttl", "0s",
                "ingest.rate-limit.max-lease", "0"));
        assertEquals(List.of("ingest.batch.publish-window must be at least 1, not -1",
                "ingest.publish.max-in-flight must be at least 1, not 0",
                "ingest.auth.token-cache.max-size must be at least 0, not -1",
                "ingest.rate-limit.max-lease must be at least 1, not 0"), SettingMinimums.violations(wrong));
    }

    @Test
    void zeroIsAllowedWhereItMeansOff() throws Exception {
        assertEquals(List.of(), SettingMinimums.violations(config(Map.of("ingest.auth.token-cache.max-size", "0"))));
    }
}
