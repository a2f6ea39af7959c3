package io.threatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The packaged production artifact (target/quarkus-app, what the container image copies) holds no broker: no
 * Artemis library and none of the local run's classes, which only the {@code local} build and the tests have.
 */
class ProductionArtifactIT {

    private static final Path APP = Path.of("target", "quarkus-app");

    @Test
    void noBrokerLibraryIsPackaged() throws IOException {
        assertTrue(Files.isDirectory(APP.resolve("lib")), "package the service first: " + APP.toAbsolutePath());
        try (Stream<Path> files = Files.walk(APP.resolve("lib"))) {
            List<String> brokers = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.contains("artemis") || name.contains("activemq"))
                    .toList();
            assertEquals(List.of(), brokers);
        }
    }

    @Test
    void noLocalRunClassIsPackaged() throws IOException {
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path jar : files.filter(path -> path.toString().endsWith(".jar")).toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    assertTrue(zip.stream().noneMatch(entry -> entry.getName().startsWith("io/threatingest/local/")),
                            jar + " holds classes of the local run");
                }
            }
        }
    }
}
