package io.threatingest.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A real Apache Kafka broker for the tests: KRaft mode, one node that is broker and controller, on free loopback
 * ports, with a fresh log directory, as a JVM process of its own ({@code kafka.Kafka}) so that its classpath
 * (Scala, the broker's libraries) stays out of the test JVM's. The build lists the broker's jars in
 * {@code target/kafka/classpath} (pom.xml, execution {@code kafka-server-classpath}); the log directory is
 * formatted with {@code kafka.tools.StorageTool} before the first start.
 * <p>
 * {@link #stop()} ends the process (an outage; {@link #kill()} for a crash), {@link #restart()} starts it again on
 * the same ports with the same data. Every process still alive when the test JVM exits is killed by a shutdown
 * hook.
 */
public final class KafkaServer implements AutoCloseable {

    /** The broker JVM's options: a small heap and a quick start rather than peak throughput. */
    public static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 40;

    /** Every broker process started and not yet stopped, and every directory not yet deleted: the shutdown hook's. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final Set<Path> DIRECTORIES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(KafkaServer::killAll, "kafka-server-reaper"));
    }

    /** A record as read back: the key as UTF-8 (null when none), the value's bytes and the headers in order. */
    public record Record(String topic, int partition, long offset, String key, byte[] value, List<Header> headers) {

        static Record of(ConsumerRecord<String, byte[]> r) {
            return new Record(r.topic(), r.partition(), r.offset(), r.key(), r.value(), List.of(r.headers().toArray()));
        }

        public String valueAsString() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }

        /** The last header of that name as UTF-8, or null. */
        public String header(String name) {
            String found = null;
            for (Header header : headers) {
                if (header.key().equals(name)) {
                    found = header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
                }
            }
            return found;
        }

        /** The headers as UTF-8 strings by name (the last of a repeated name wins). */
        public Map<String, String> headerMap() {
            Map<String, String> map = new LinkedHashMap<>();
            headers.forEach(h -> map.put(h.key(), h.value() == null
                    ? null
                    : new String(h.value(), StandardCharsets.UTF_8)));
            return map;
        }
    }

    private final String classpath;
    private final Path directory;
    private final Path properties;
    private final Path log;
    private final int port;
    private final int controllerPort;
    private Process process;
    private KafkaProducer<String, byte[]> producer;
    private Duration formatTime = Duration.ZERO;
    private Duration readyTime = Duration.ZERO;

    /** Picks the ports and writes the configuration; nothing runs before {@link #start()}. */
    public KafkaServer() throws IOException {
        classpath = serverClasspath();
        port = freePort();
        controllerPort = freePort();
        directory = Files.createTempDirectory("threat-ingest-test-kafka");
        DIRECTORIES.add(directory);
        properties = directory.resolve("server.properties");
        log = directory.resolve("kafka.log");
        Files.writeString(properties, serverProperties());
        Files.writeString(directory.resolve("log4j2.properties"), LOG_CONFIGURATION);
    }

    private KafkaServer(int port) {
        classpath = null;
        this.port = port;
        controllerPort = -1;
        directory = null;
        properties = null;
        log = null;
    }

    /**
     * A handle on a broker that this JVM already runs, started through another class loader (each Quarkus
     * application start loads the test classes afresh): its clients work; its process is not this handle's to stop,
     * and {@link #close()} closes only its clients.
     */
    public static KafkaServer attach(String bootstrapServers) {
        return new KafkaServer(Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1)));
    }

    /** Closes this handle's producer; the broker goes on. */
    public synchronized void closeClients() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private static String serverClasspath() throws IOException {
        Path file = Path.of(System.getProperty("test.kafka.classpath", "target/kafka/classpath"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " not found: the Maven build writes it in "
                    + "generate-test-resources (./mvnw generate-test-resources), or point -Dtest.kafka.classpath at "
                    + "a file that lists the Kafka broker's jars, one a line");
        }
        return Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private String serverProperties() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", 1);
        settings.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", directory.resolve("data"));
        // One node: every internal topic with one replica, and few partitions so that they are made quickly.
        settings.put("offsets.topic.replication.factor", 1);
        settings.put("offsets.topic.num.partitions", 1);
        settings.put("transaction.state.log.replication.factor", 1);
        settings.put("transaction.state.log.min.isr", 1);
        settings.put("transaction.state.log.num.partitions", 1);
        settings.put("share.coordinator.state.topic.replication.factor", 1);
        settings.put("share.coordinator.state.topic.min.isr", 1);
        settings.put("num.partitions", 1);
        settings.put("auto.create.topics.enable", true);
        settings.put("group.initial.rebalance.delay.ms", 0);
        // After a kill the controller waits for the old broker session to time out before the restarted broker
        // may register (9 s by default).
        settings.put("broker.heartbeat.interval.ms", 500);
        settings.put("broker.session.timeout.ms", 3000);
        // Small segments (the smallest allowed) and a small compaction buffer (128 MiB of heap by default).
        settings.put("log.segment.bytes", 1024 * 1024);
        settings.put("log.cleaner.dedupe.buffer.size", 4 * 1024 * 1024);
        settings.put("num.network.threads", 2);
        settings.put("num.io.threads", 2);
        settings.put("background.threads", 2);
        StringBuilder text = new StringBuilder();
        settings.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    private static final String LOG_CONFIGURATION = """
            status = warn
            appender.out.type = Console
            appender.out.name = out
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n
            rootLogger.level = info
            rootLogger.appenderRef.out.ref = out
            """;

    /**
     * Formats the log directory if it has never been, starts the broker and waits until it answers an admin
     * client; prints how long that took. On failure the exception carries the tail of the broker's log.
     */
    public synchronized KafkaServer start() throws IOException, InterruptedException {
        if (isRunning()) {
            return this;
        }
        long began = System.nanoTime();
        boolean formatting = !Files.exists(directory.resolve("data").resolve("meta.properties"));
        if (formatting) {
            format();
        }
        long formatted = System.nanoTime();
        process = launch("kafka.Kafka", properties.toString());
        LIVE.add(process);
        try {
            awaitReady(formatted + START_TIMEOUT.toNanos());
        } catch (RuntimeException | IOException | InterruptedException e) {
            kill();
            throw e;
        }
        formatTime = formatting ? Duration.ofNanos(formatted - began) : Duration.ZERO;
        readyTime = Duration.ofNanos(System.nanoTime() - formatted);
        System.out.printf("Kafka on %s: format %d ms, process start to ready %d ms, pid %d, RSS %d MiB (%s)%n",
                bootstrapServers(), formatTime.toMillis(), readyTime.toMillis(), pid(), rssKiB() / 1024, log);
        return this;
    }

    private void format() throws IOException, InterruptedException {
        Process formatting = launch("kafka.tools.StorageTool", "format", "--cluster-id",
                Uuid.randomUuid().toString(), "--config", properties.toString(), "--standalone");
        LIVE.add(formatting);
        try {
            if (!formatting.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("kafka-storage format did not end within " + START_TIMEOUT
                        + logTail());
            }
            if (formatting.exitValue() != 0) {
                throw new IllegalStateException("kafka-storage format exited with " + formatting.exitValue()
                        + logTail());
            }
        } finally {
            formatting.destroyForcibly();
            LIVE.remove(formatting);
        }
    }

    private Process launch(String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"));
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** First the listener accepts connections, then an admin client must see the node in the cluster. */
    private void awaitReady(long deadline) throws IOException, InterruptedException {
        while (!accepts()) {
            checkAlive(deadline);
            Thread.sleep(50);
        }
        try (Admin admin = admin()) {
            while (true) {
                checkAlive(deadline);
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
                    Thread.sleep(100);
                }
            }
        }
    }

    private boolean accepts() {
        try (Socket probe = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private void checkAlive(long deadline) throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("Kafka exited with " + process.exitValue() + " while starting"
                    + logTail());
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Kafka was not ready within " + START_TIMEOUT + logTail());
        }
    }

    private String logTail() throws IOException {
        if (!Files.exists(log)) {
            return " (no log at " + log + ")";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return "; last lines of " + log + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }

    /**
     * Ends the broker process (an outage) and waits until it is gone: SIGTERM, so that the broker leaves the
     * cluster and a {@link #restart()} is quick, then SIGKILL if it is still there after ten seconds.
     */
    public synchronized void stop() throws InterruptedException {
        end(false);
    }

    /**
     * Kills the broker process at once (SIGKILL: a crash). A restart after it takes about three seconds longer:
     * the controller waits for the killed broker's session to expire ({@code broker.session.timeout.ms}).
     */
    public synchronized void kill() throws InterruptedException {
        end(true);
    }

    private void end(boolean forcibly) throws InterruptedException {
        closeClients();
        if (process == null) {
            return;
        }
        if (!forcibly) {
            process.destroy();
        }
        if (forcibly || !process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Kafka process " + process.pid() + " did not end");
        }
        LIVE.remove(process);
        process = null;
    }

    /** Stops the broker and starts it again on the same ports with the same data. */
    public synchronized KafkaServer restart() throws IOException, InterruptedException {
        stop();
        return start();
    }

    /** Kills the broker and deletes its directory. */
    @Override
    public synchronized void close() throws InterruptedException {
        kill();
        if (directory == null) {
            return;
        }
        delete(directory);
        DIRECTORIES.remove(directory);
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }

    private static void killAll() {
        LIVE.forEach(Process::destroyForcibly);
        for (Process process : LIVE) {
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        DIRECTORIES.forEach(KafkaServer::delete);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The broker process's id, or -1 when it is not running. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The broker process's resident memory (VmRSS of /proc/pid/status) in KiB, or -1 where that is unknown. */
    public synchronized long rssKiB() {
        if (process == null) {
            return -1;
        }
        try (Stream<String> status = Files.lines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            return status.filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** How long the last {@link #start()} spent formatting the log directory (zero when it was formatted). */
    public Duration formatTime() {
        return formatTime;
    }

    /** How long the last {@link #start()} took from launching the process to an answer of the admin client. */
    public Duration readyTime() {
        return readyTime;
    }

    /** The broker's log (stdout and stderr of its processes). */
    public Path log() {
        return log;
    }

    /** A new admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** Creates a topic with one replica and these topic configurations ({@code max.message.bytes}, ...). */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(configs);
        try (Admin admin = admin()) {
            admin.createTopics(List.of(topic)).all().get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("topic " + name + " was not created", e);
        }
    }

    /**
     * Writes a record (acks=all) and waits for the broker's acknowledgement. Headers are written as UTF-8. While
     * the broker is down this fails within about ten seconds with a {@link org.apache.kafka.common.KafkaException}
     * (a metadata or delivery timeout).
     */
    public RecordMetadata send(String topic, String key, Map<String, String> headers, byte[] value) {
        List<Header> recordHeaders = new ArrayList<>();
        headers.forEach((name, text) -> recordHeaders.add(new RecordHeader(name,
                text == null ? null : text.getBytes(StandardCharsets.UTF_8))));
        try {
            return producer().send(new ProducerRecord<>(topic, null, key, value, recordHeaders)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    /** {@link #send(String, String, Map, byte[])} with the value as UTF-8. */
    public RecordMetadata send(String topic, String key, Map<String, String> headers, String value) {
        return send(topic, key, headers, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /**
     * Reads a topic from the beginning of each partition (no consumer group, nothing committed) until at least
     * {@code atLeast} records have come or the timeout has passed, and returns what was read: fewer than
     * {@code atLeast} only on timeout. A topic that does not exist yet is waited for, not created.
     */
    public List<Record> read(String topic, int atLeast, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Record> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (records.size() < atLeast && !partitions.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(Record.of(r));
                }
            }
        }
        return records;
    }

    /** A consumer outside any group (nothing committed, topics never created by it); the caller assigns it. */
    public KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The partitions of a topic, waiting until the deadline for it to exist; none if it never does. */
    static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic, long deadline) {
        while (true) {
            try {
                List<PartitionInfo> found = consumer.partitionsFor(topic, Duration.ofMillis(500));
                if (!found.isEmpty()) {
                    return found.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                }
            } catch (org.apache.kafka.common.errors.TimeoutException notYet) {
                // broker not reachable yet: try again until the deadline
            }
            if (System.nanoTime() > deadline) {
                return List.of();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }
}
