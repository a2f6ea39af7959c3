package io.threatingest.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        System.out.println(index.match(io.threatingest.domain.DataType.FQDN, "x").length);
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
