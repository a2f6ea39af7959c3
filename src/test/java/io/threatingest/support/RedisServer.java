package io.threatingest.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real {@code redis-server} (Debian's package; {@code .ci/run} installs it when missing) on a free loopback
 * port, without persistence, as a child process. It can be stopped and started again on the same port, for tests
 * of a Redis outage.
 */
public final class RedisServer implements AutoCloseable {

    private static final Path BINARY = Path.of(System.getProperty("test.redis.server", "/usr/bin/redis-server"));

    private final int port;
    private String password;
    private Process process;

    /** Whether a server binary is there to start. */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public RedisServer() throws IOException {
        if (!installed()) {
            throw new IllegalStateException(BINARY + " not found: install Debian's redis-server package "
                    + "(.ci/run does) or point -Dtest.redis.server at a redis-server or valkey-server binary");
        }
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
    }

    /** Clients must log in with this password ({@code requirepass}); set before {@link #start()}. */
    public RedisServer requirePassword(String password) {
        this.password = password;
        return this;
    }

    public synchronized RedisServer start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return this;
        }
        List<String> command = new java.util.ArrayList<>(List.of(BINARY.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no", "--logfile", ""));
        if (password != null) {
            command.addAll(List.of("--requirepass", password));
        }
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return this;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port);
    }

    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    /** Every key with its value (strings and hashes), as redis-cli prints them: to look for what is stored. */
    public String dump() throws IOException, InterruptedException {
        StringBuilder all = new StringBuilder();
        for (String key : cli("--scan").lines().toList()) {
            all.append(key).append('\n').append(cli("TYPE", key).trim().equals("hash")
                    ? cli("HGETALL", key)
                    : cli("GET", key)).append('\n');
        }
        return all.toString();
    }

    /** One redis-cli command against this server; its output. */
    public String cli(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(BINARY.resolveSibling("redis-cli").toString(), "-p",
                Integer.toString(port)));
        if (password != null) {
            command.addAll(List.of("--no-auth-warning", "-a", password));
        }
        command.addAll(List.of(args));
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        cli.waitFor();
        return out;
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
