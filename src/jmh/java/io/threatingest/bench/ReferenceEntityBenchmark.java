package io.threatingest.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import io.threatingest.domain.EntitySubmission;
import io.threatingest.domain.FlatSubmission;
import io.threatingest.domain.SubmissionFlattener;
import io.threatingest.domain.SubmissionLimits;
import io.threatingest.domain.Visibility;
import io.threatingest.domain.value.RawValue;

/**
 * Validation + normalisation + ID of the reference example entity: an IP with two text attributes, a
 * reputation, tags and visibility, as decoded from the request (JSON decoding not included).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReferenceEntityBenchmark {

    private static final Visibility VISIBILITY = new Visibility(List.of("soc"), java.util.Set.of("soc", "public"));
    private static final SubmissionLimits LIMITS = new SubmissionLimits(16, 10_000, 129, 64, 64, 129);

    private final EntitySubmission example;

    public ReferenceEntityBenchmark() {
        Map<String, RawValue> attributes = new LinkedHashMap<>();
        attributes.put("ip", RawValue.text("203.0.113.1"));
        attributes.put("text", RawValue.text("Seen brute-forcing SSH"));
        attributes.put("value", RawValue.text("honeypot-eu-1"));
        example = new EntitySubmission("ip", attributes, null, -1, null, List.of("ssh", "bruteforce"),
                List.of("public"));
    }

    @Benchmark
    public FlatSubmission referenceExample() {
        return SubmissionFlattener.flatten(example, VISIBILITY, LIMITS);
    }
}
