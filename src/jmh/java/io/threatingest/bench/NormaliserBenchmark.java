package io.threatingest.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.threatingest.domain.Catalogue;
import io.threatingest.domain.DataType;
import io.threatingest.domain.EntityId;
import io.threatingest.domain.EntityType;
import io.threatingest.domain.value.InvalidValueException;
import io.threatingest.domain.value.RawValue;
import io.threatingest.support.DataTypeSamples;

/** Validation + normalisation + ID of one value, per data type (the same samples the tests use). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NormaliserBenchmark {

    @Param({ "CASE_SENSITIVE_STRING", "STRING", "IP", "CIDR", "FQDN", "URL", "EMAIL", "MD5", "SHA1", "SHA224",
            "SHA256", "SHA384", "SHA512", "SHA3_224", "SHA3_256", "SHA3_384", "SHA3_512", "SHA512_224", "SHA512_256",
            "UUID_MD5_SHA3_256", "UUID", "HEXADECIMAL", "BASE64", "DATE", "DATETIME", "MAC", "MIME_TYPE", "PHONE",
            "PORT",
            "PATH", "INTEGER", "FLOAT", "CITY", "COUNTRY", "ADVERSARY", "REGEX" })
    public String dataType;

    private EntityType type;
    private RawValue raw;

    @Setup
    public void prepare() {
        DataTypeSamples.Sample sample = DataTypeSamples.of(DataType.valueOf(dataType));
        type = Catalogue.find(sample.entityType());
        raw = sample.raw();
    }

    @Benchmark
    public String normaliseAndHash() throws InvalidValueException {
        return EntityId.of(type.name(), type.dataType().normaliser().normalise(raw).text());
    }
}
