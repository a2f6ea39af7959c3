package io.threatingest.importer;

import static java.util.Map.entry;

import java.nio.file.Path;
import java.util.Map;

/** What each {@code --flag} of {@code import} does with its value. */
final class OptionFlags {

    @FunctionalInterface
    private interface Flag {

        void apply(GivenFlags given, String name, String value) throws ImportOptions.UsageException;
    }

    private static final Map<String, Flag> FLAGS = Map.ofEntries(
            entry("--url", (given, name, value) -> given.url = value),
            entry("--token", (given, name, value) -> given.token = value),
            entry("--token-file", (given, name, value) -> given.tokenFile = value),
            entry("--api-key", (given, name, value) -> given.apiKey = value),
            entry("--api-secret", (given, name, value) -> given.apiSecret = value),
            entry("--api-secret-file", (given, name, value) -> given.apiSecretFile = value),
            entry("--format", (given, name, value) -> given.format = Format.named(value)),
            entry("--collection", (given, name, value) -> given.collection = value),
            entry("--api-root", (given, name, value) -> given.apiRoot = value),
            entry("--reputation", (given, name, value) -> given.reputation = NumberFlags.integer(name, value, -3, 3)),
            entry("--tag", (given, name, value) -> given.tags.add(value)),
            entry("--chunk-size", (given, name, value) -> given.chunkSize = NumberFlags.integer(name, value, 1,
                    10_000)),
            entry("--chunk-bytes", (given, name, value) -> given.chunkBytes = (long) NumberFlags.integer(name, value,
                    1024, (int) ChunkSizes.MAX_BYTES)),
            entry("--rejects", (given, name, value) -> given.rejects = Path.of(value)),
            entry("--progress", (given, name, value) -> given.progress = Progress.Mode.named(value)),
            entry("--progress-interval", (given, name, value) -> given.progressInterval = NumberFlags.seconds(name,
                    value)),
            entry("--max-wait", (given, name, value) -> given.maxWait = NumberFlags.seconds(name, value)),
            entry("--stop-after-chunks", (given, name, value) -> given.stopAfterChunks = NumberFlags.integer(name,
                    value, 1, Integer.MAX_VALUE)));

    private OptionFlags() {
    }

    static void apply(GivenFlags given, String name, String value) throws ImportOptions.UsageException {
        Flag flag = FLAGS.get(name);
        if (flag == null) {
            throw new ImportOptions.UsageException("unknown option " + name);
        }
        flag.apply(given, name, value);
    }
}
