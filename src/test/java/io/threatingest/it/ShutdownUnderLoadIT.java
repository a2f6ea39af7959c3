package io.threatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.threatingest.local.EmbeddedBroker;
import io.threatingest.security.ApiKeyStoreFiles;
import io.threatingest.support.AmqpQueueReader;
import io.threatingest.support.BrokerFacing;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.NeedsEmbeddedBroker;
import io.threatingest.support.QueueReader;
import io.threatingest.support.TestCredentials;

/**
 * The packaged service, as a real process under load, receives SIGTERM. Every request gets 202 or 503 (or
 * finds the port closed); afterwards every submission that got 202 is on the broker's queue.
 */
@BrokerFacing
@NeedsEmbeddedBroker
class ShutdownUnderLoadIT {

    private static final Pattern SUBMISSION_ID = Pattern.compile("\"submissionId\":\"([0-9a-f-]{36})\"");

    @Test
    void noAcknowledgedSubmissionIsLostWhenTheServiceStopsUnderLoad() throws Exception {
        Path dir = Files.createTempDirectory("threat-ingest-shutdown-it");
        EmbeddedBroker broker = new EmbeddedBroker("127.0.0.1", 0, dir.resolve("broker").toString(), true,
                EmbeddedBrokerResource.QUEUES).start();
        Path keys = dir.resolve("keys.jsonl");
        Files.writeString(keys, ApiKeyStoreFiles.content(List.of(TestCredentials.REPORTER)));
        int port = freePort();
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dingest.broker.host=127.0.0.1",
                "-Dingest.broker.port=" + broker.port(),
                "-Dingest.auth.api-keys-file=" + keys,
                "-Dquarkus.shutdown.timeout=10s",
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "shutdown-under-load-it.log").toFile())
                .start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            awaitReady(http, port);

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger unanswered = new AtomicInteger();
            AtomicInteger unexpected = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService load = Executors.newFixedThreadPool(8);
            for (int t = 0; t < 8; t++) {
                int thread = t;
                load.submit(() -> {
                    int n = 0;
                    while (running.get()) {
                        String body = "{\"type\":\"ip\",\"attributes\":{\"ip\":\"198.51." + thread + "."
                                + (n++ % 250 + 1) + "\"}}";
                        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/ingest/v1/entity"))
                                .header("Content-Type", "application/json")
                                .header("api-key", TestCredentials.REPORTER.keyId())
                                .header("api-secret", TestCredentials.REPORTER.secret())
                                .timeout(Duration.ofSeconds(15))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 202) {
                                Matcher id = SUBMISSION_ID.matcher(response.body());
                                assertTrue(id.find());
                                acknowledged.add(id.group(1));
                            } else if (response.statusCode() == 503) {
                                refused.incrementAndGet();
                            } else {
                                unexpected.incrementAndGet();
                            }
                        } catch (IOException closed) {
                            unanswered.incrementAndGet();
                            sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
            Thread.sleep(2000);
            int beforeStop = acknowledged.size();
            service.destroy(); // SIGTERM
            assertTrue(service.waitFor(30, TimeUnit.SECONDS), "the service exits within its grace period");
            running.set(false);
            load.shutdown();
            assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));

            assertEquals(0, unexpected.get(), "only 202, 503 or a closed port");
            assertTrue(beforeStop > 0, "load was flowing before the stop");
            try (QueueReader queue = new AmqpQueueReader(broker.port(), EmbeddedBrokerResource.ENTITIES)) {
                for (String id : List.copyOf(acknowledged)) {
                    queue.await(id, Duration.ofSeconds(20));
                }
            }
            System.out.printf("shutdown under load: %d acknowledged (all on the queue), %d refused, %d unanswered%n",
                    acknowledged.size(), refused.get(), unanswered.get());
        } finally {
            service.destroyForcibly();
            broker.stop();
        }
    }

    private static void awaitReady(HttpClient http, int port) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not become ready; see target/shutdown-under-load-it.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
