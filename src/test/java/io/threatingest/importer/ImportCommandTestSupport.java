package io.threatingest.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.threatingest.support.DeliveredEvent;
import io.threatingest.support.QueueReader;
import io.threatingest.support.Sha3;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** What the import tests (in-process and against the packaged jar) share: an IOC list and counting events. */
public final class ImportCommandTestSupport {

    private ImportCommandTestSupport() {
    }

    /** A defanged IOC list of four kinds of indicator, each line distinct, with the entity ID each must get. */
    private static final AtomicInteger NEXT_RANGE = new AtomicInteger(new Random().nextInt(200));

    public static Map<String, String> iocList(Path file, int lines, String u) throws IOException {
        Random random = new Random(u.hashCode());
        Map<String, String> idByLine = new HashMap<>();
        StringBuilder text = new StringBuilder();
        // a /16 of its own per list: two lists of one run (one broker) never share an address
        int second = 16 + NEXT_RANGE.getAndIncrement() % 200;
        for (int i = 0; i < lines; i++) {
            String line;
            String id;
            switch (i % 4) {
                case 0 -> {
                    line = "host-" + i + "-" + u + "[.]example[.]org";
                    id = Sha3.id("domain", "host-" + i + "-" + u + ".example.org");
                }
                case 1 -> {
                    line = "hxxps://h" + i + "-" + u + "[.]example[.]net/p";
                    id = Sha3.id("url", "https://h" + i + "-" + u + ".example.net/p");
                }
                case 2 -> {
                    String ip = "81." + second + "." + (i / 250) + "." + (i % 250 + 1);
                    line = ip.substring(0, ip.lastIndexOf('.')) + "[.]" + ip.substring(ip.lastIndexOf('.') + 1);
                    id = Sha3.id("ip", ip);
                }
                default -> {
                    line = String.format("%016x%016x", random.nextLong(), random.nextLong());
                    id = Sha3.id("md5", line);
                }
            }
            idByLine.put(line, id);
            text.append(line).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        Files.writeString(file, text);
        return idByLine;
    }

    /** How many times each of these IDs is a root of an event on the queue, once all of them arrived. */
    public static Map<String, Integer> rootCounts(QueueReader queue, Set<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Integer> counts = new HashMap<>();
        while (System.nanoTime() < deadline) {
            counts.clear();
            for (DeliveredEvent message : new ArrayList<>(queue.received())) {
                JsonObject event = message.body().toJsonObject();
                for (Object root : event.getJsonArray("roots", new JsonArray()).getList()) {
                    if (ids.contains(root)) {
                        counts.merge((String) root, 1, Integer::sum);
                    }
                }
            }
            if (counts.keySet().containsAll(ids)) {
                Thread.sleep(300); // a late duplicate would show now
                return rootCounts(queue, ids, counts);
            }
            Thread.sleep(100);
        }
        return counts;
    }

    private static Map<String, Integer> rootCounts(QueueReader queue, Set<String> ids, Map<String, Integer> seen) {
        Map<String, Integer> counts = new HashMap<>();
        for (DeliveredEvent message : new ArrayList<>(queue.received())) {
            for (Object root : message.body().toJsonObject().getJsonArray("roots").getList()) {
                if (ids.contains(root)) {
                    counts.merge((String) root, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    public static void assertEachOnce(Map<String, Integer> counts, Set<String> ids) {
        assertEquals(ids, counts.keySet(), "every indicator published");
        counts.forEach((id, n) -> assertEquals(1, n, id + " published " + n + " times"));
    }

}
