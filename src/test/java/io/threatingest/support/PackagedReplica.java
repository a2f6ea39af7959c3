package io.threatingest.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the packaged service (target/quarkus-app) as its own process, configured by system properties:
 * several of them against one broker and one Redis share nothing else, as replicas in a cluster do.
 */
public final class PackagedReplica implements AutoCloseable {

    /**
     * The suite starts the packaged jar about 30 times. Each replica's JVM maps a class data archive made once from
     * this jar and runs C1 only: 2.4 s to a live endpoint instead of 4.1 s here (JDK 17). Neither changes what the
     * service does; the shipped images' own JVM settings are measured by the bench, not here.
     */
    private static final Path ARCHIVE = Path.of("target", "packaged-replica-"
            + System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9.+-]", "_") + ".jsa");
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-Xlog:cds*=off");

    private final String name;
    private final int port;
    private final Process process;

    private PackagedReplica(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    public static PackagedReplica start(String name, Map<String, String> settings) throws Exception {
        return start(name, null, settings);
    }

    /**
     * With {@code environment}, the process gets only that environment (and {@code PATH}), as a container gets what
     * its manifest gives it; without, this process's environment.
     */
    public static PackagedReplica start(String name, Map<String, String> environment, Map<String, String> settings)
            throws Exception {
        PackagedReplica replica = launch(name, environment, settings);
        replica.awaitReady();
        return replica;
    }

    /** Starts the process without waiting for it to be ready (for a start that is expected to fail). */
    public static PackagedReplica launch(String name, Map<String, String> environment, Map<String, String> settings)
            throws Exception {
        List<String> sharing = archive() ? List.of("-XX:SharedArchiveFile=" + ARCHIVE) : List.of();
        return spawn(name, sharing, environment, settings);
    }

    private static PackagedReplica spawn(String name, List<String> jvmOptions, Map<String, String> environment,
            Map<String, String> settings) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(JVM_FLAGS);
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log(name).toFile());
        if (environment != null) {
            builder.environment().keySet().retainAll(Set.of("PATH"));
            builder.environment().putAll(environment);
        }
        return new PackagedReplica(name, port, builder.start());
    }

    /**
     * Makes the archive on first use, from one start of the jar (defaults, no broker needed) to its live endpoint,
     * when none is there or the jar is newer; false if that failed (the replicas then start without it).
     */
    private static synchronized boolean archive() throws Exception {
        if (Files.exists(ARCHIVE)
                && !Files.getLastModifiedTime(ARCHIVE).toInstant()
                        .isBefore(Files.getLastModifiedTime(JAR).toInstant())) {
            return true;
        }
        Files.deleteIfExists(ARCHIVE);
        try (PackagedReplica dumping = spawn("archive", List.of("-XX:ArchiveClassesAtExit=" + ARCHIVE), null,
                Map.of())) {
            dumping.answers("/q/health/live");
        }
        return Files.exists(ARCHIVE);
    }

    private static Path log(String name) {
        return Path.of("target", "replica-" + name + ".log");
    }

    /** What the process wrote so far (standard output and error). */
    public List<String> logLines() throws IOException {
        return Files.readAllLines(log(name));
    }

    /** Waits for the process to end by itself; its exit code, or -1 when it still runs after the wait. */
    public int awaitExit(Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public void awaitReady() throws Exception {
        if (!answers("/q/health/ready")) {
            throw new AssertionError("replica " + name + " did not become ready; see target/replica-" + name + ".log");
        }
    }

    /** Whether {@code path} answers 200 within 60 s, asked again every 200 ms while the process runs. */
    private boolean answers(String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** SIGTERM, as Kubernetes stops a pod; its exit code once it ended (forcibly after 20 s: then -1). */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public static Duration timeout() {
        return Duration.ofSeconds(10);
    }
}
