package io.threatingest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.threatingest.domain.DataType;
import io.threatingest.domain.screening.ScreeningIndex;
import io.threatingest.domain.screening.WarningList;
import io.threatingest.screening.ListFile;

/**
 * Lookup cost of one normalised value against every loaded list, by data type, at a given number of generated
 * entries (half the probes are listed, half are not). {@code bench/jmh.sh Screening -p entries=5000000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScreeningBenchmark {

    @Param({ "530000", "5000000" })
    public int entries;

    private ScreeningIndex index;
    private String[] hosts;
    private String[] urls;
    private String[] digests;
    private String[] ips;
    private int next;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path directory = Files.createTempDirectory("screening-bench");
        ScreeningLists.generate(directory, entries);
        List<WarningList> lists = new ArrayList<>();
        try (var files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                lists.add(ListFile.parse(name.substring(0, name.length() - 5), Files.readAllBytes(file)));
                Files.delete(file);
            }
        }
        Files.delete(directory);
        index = ScreeningIndex.build(lists);
        SplittableRandom random = new SplittableRandom(7);
        int probes = 4096;
        int perList = entries / ScreeningLists.LISTS;
        hosts = new String[probes];
        urls = new String[probes];
        digests = new String[probes];
        ips = new String[probes];
        for (int i = 0; i < probes; i++) {
            int list = random.nextInt(ScreeningLists.LISTS);
            int entry = random.nextInt(perList);
            boolean listed = i % 2 == 0;
            hosts[i] = (listed ? "www." : "www.not") + ScreeningLists.host(list - list % 10, entry);
            urls[i] = "https://" + hosts[i] + "/path/to/page?q=" + i;
            digests[i] = listed ? ScreeningLists.md5(list - list % 10 + 6, entry) : ScreeningLists.md5(999, i);
            ips[i] = ScreeningLists.ipv4(random);
        }
    }

    private int next() {
        return next = (next + 1) & 4095;
    }

    @Benchmark
    public int fqdn() {
        return index.match(DataType.FQDN, hosts[next()]).length;
    }

    @Benchmark
    public int url() {
        return index.match(DataType.URL, urls[next()]).length;
    }

    @Benchmark
    public int md5() {
        return index.match(DataType.MD5, digests[next()]).length;
    }

    @Benchmark
    public int ip() {
        return index.match(DataType.IP, ips[next()]).length;
    }
}
