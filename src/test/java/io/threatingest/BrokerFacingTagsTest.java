package io.threatingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.threatingest.support.BrokerFacing;

/**
 * Every test class that reads or writes the broker's queues or changes the embedded broker's behaviour carries
 * {@link BrokerFacing} (on the class, a method, or a contract it extends), so that the standalone-broker and Kafka
 * passes (scripts/standalone-broker-suite.sh, scripts/kafka-suite.sh, {@code -Dgroups=broker}) cannot silently lose
 * a test that depends on the broker.
 */
class BrokerFacingTagsTest {

    private static final Path SOURCES = Path.of("src/test/java");
    /** What a test uses when it reads or writes a queue, or makes the embedded broker refuse, stall or fill up. */
    private static final Pattern BROKER_USE = Pattern
            .compile("\\bBrokerQueues\\b|\\bQueueReader\\b|\\bQueueWriter\\b|\\bFullAddress\\b|\\.server\\(\\)\\.");
    private static final Pattern TEST = Pattern.compile("@(Test|ParameterizedTest|Property)\\b");
    private static final Pattern EXTENDS = Pattern.compile("\\bclass \\w+ extends (\\w+)");

    @Test
    void everyTestThatUsesTheBrokerIsTaggedBroker() throws IOException {
        Map<String, String> sources;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            sources = files.filter(file -> file.toString().endsWith(".java"))
                    .collect(Collectors.toMap(file -> file.getFileName().toString().replace(".java", ""),
                            BrokerFacingTagsTest::read, (a, b) -> a));
        }
        assertTrue(sources.size() > 100, "test sources found in " + SOURCES + ": " + sources.size());
        List<String> untagged = sources.entrySet().stream()
                .filter(source -> !source.getKey().equals(BrokerFacingTagsTest.class.getSimpleName()))
                .filter(source -> TEST.matcher(source.getValue()).find()
                        && BROKER_USE.matcher(source.getValue()).find())
                .filter(source -> !tagged(source.getValue(), sources))
                .map(Map.Entry::getKey).sorted().toList();
        assertEquals(List.of(), untagged, "tests that use the broker without @BrokerFacing");
    }

    private static boolean tagged(String source, Map<String, String> sources) {
        if (source.contains("@BrokerFacing")) {
            return true;
        }
        Matcher parent = EXTENDS.matcher(source);
        return parent.find() && sources.containsKey(parent.group(1)) && tagged(sources.get(parent.group(1)), sources);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
