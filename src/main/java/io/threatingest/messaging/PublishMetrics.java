package io.threatingest.messaging;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Publishing as seen from the service: how long the broker took to settle each event (a histogram, by address
 * and outcome) and how often it did not accept one (by reason: unavailable, refused, timeout).
 */
@ApplicationScoped
public class PublishMetrics {

    static final String ACCEPTED = "accepted";

    private final MeterRegistry registry;

    public PublishMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String address, long startNanos, Throwable failure) {
        String outcome = ACCEPTED;
        if (failure != null) {
            outcome = failure instanceof BrokerUnavailableException broker ? broker.reason().tag() : "error";
            Counter.builder("ingest.broker.failures")
                    .description("Events the broker did not accept")
                    .tag("address", address)
                    .tag("reason", outcome)
                    .register(registry)
                    .increment();
        }
        Timer.builder("ingest.publish.duration")
                .description("Time from sending an event to the broker's settlement (or the failure)")
                .tag("address", address)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }
}
