package io.threatingest.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.threatingest.domain.DataType;
import io.threatingest.domain.screening.ScreeningIndex;
import io.threatingest.domain.screening.WarningList;
import io.threatingest.screening.ListFile;

/**
 * Loads a directory of lists as the service does (parse every file, build one index) and prints the time, the
 * entries and the heap the index keeps: {@code ScreeningLoad <dir>}, or {@code ScreeningLoad --generate N <dir>}
 * to write N generated entries there first.
 */
public final class ScreeningLoad {

    private ScreeningLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path directory;
        if (args[0].equals("--generate")) {
            directory = Path.of(args[2]);
            ScreeningLists.generate(directory, Integer.parseInt(args[1]));
        } else {
            directory = Path.of(args[0]);
        }
        long before = usedHeap();
        long started = System.nanoTime();
        List<WarningList> lists = new ArrayList<>();
        long bytes = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                byte[] content = Files.readAllBytes(file);
                bytes += content.length;
                try {
                    WarningList list = ListFile.parse(name.substring(0, name.length() - 5), content);
                    ScreeningIndex.check(list);
                    lists.add(list);
                } catch (IllegalArgumentException e) {
                    System.out.println("refused " + name + ": " + e.getMessage());
                }
            }
        }
        long parsed = System.nanoTime();
        ScreeningIndex index = ScreeningIndex.build(lists);
        long built = System.nanoTime();
        lists = null;
        long after = usedHeap();
        System.out.printf("lists %d, entries %d, files %d MB%n", index.lists().size(), index.entries(), bytes >> 20);
        System.out.printf("parse %d ms, build %d ms, total %d ms%n", (parsed - started) / 1_000_000,
                (built - parsed) / 1_000_000, (built - started) / 1_000_000);
        System.out.printf("index structures %.1f MB, retained heap %.1f MB, %.1f MB per million entries%n",
                index.bytes() / 1048576.0, (after - before) / 1048576.0,
                (after - before) / 1048576.0 / (index.entries() / 1e6));
        // a rough lookup figure for these lists (JMH's ScreeningBenchmark is the careful one)
        String[] hosts = new String[4096];
        String[] ips = new String[4096];
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < hosts.length; i++) {
            hosts[i] = "www.h" + random.nextInt(100000) + (i % 2 == 0 ? ".google.com" : ".example.org");
            ips[i] = ScreeningLists.ipv4(random);
        }
        int matched = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 1_000_000; i++) {
                matched += index.match(DataType.FQDN, hosts[i & 4095]).length;
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < 1_000_000; i++) {
                matched += index.match(DataType.IP, ips[i & 4095]).length;
            }
            long t2 = System.nanoTime();
            System.out.printf("lookup round %d: FQDN %d ns, IP %d ns (%d matches)%n", round, (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, matched);
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
