package io.threatingest.http;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.threatingest.config.IngestConfig;

/**
 * The bytes of large request bodies in progress ({@code ingest.limits.max-body-bytes-in-progress}): a parsed body
 * holds many times its size in the heap, so concurrent large submissions beyond the budget are turned away (503)
 * instead of running the heap out. Bodies under {@link #LARGE} are neither counted nor refused. A singleton, made
 * with the request pipeline, so that its gauge is there from the start.
 */
@Singleton
public class BodyBudget {

    /** Bodies from this size on take from the budget. */
    public static final int LARGE = 64 * 1024;

    private final long capacity;
    private final AtomicLong inProgress = new AtomicLong();

    public BodyBudget(IngestConfig config, MeterRegistry registry) {
        this.capacity = config.limits().maxBodyBytesInProgress()
                .map(io.quarkus.runtime.configuration.MemorySize::asLongValue)
                .orElse(Runtime.getRuntime().maxMemory() / 32);
        Gauge.builder("ingest.bodies.in.progress", inProgress, AtomicLong::get)
                .description("Bytes of large request bodies being processed")
                .baseUnit("bytes")
                .register(registry);
    }

    /** Takes a body's bytes; false when they would go over the budget (one body is always taken). */
    public boolean take(long bytes) {
        if (bytes < LARGE) {
            return true;
        }
        while (true) {
            long now = inProgress.get();
            if (now > 0 && now + bytes > capacity) {
                return false;
            }
            if (inProgress.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    public void release(long bytes) {
        if (bytes >= LARGE) {
            inProgress.addAndGet(-bytes);
        }
    }

    public long capacity() {
        return capacity;
    }
}
