package io.threatingest.messaging;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Publishing as seen from the service: how long the broker took to settle each event (a histogram, by address
 * and outcome), how often it did not accept one (by reason: unavailable, refused, timeout, and overloaded when
 * this instance refused to send beyond {@code ingest.publish.max-in-flight}) and how many messages await settlement.
 */
@ApplicationScoped
public class PublishMetrics {

    static final String ACCEPTED = "accepted";

    private final MeterRegistry registry;

    public PublishMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void inFlight(AtomicInteger inFlight) {
        Gauge.builder("ingest.publish.in.flight", inFlight, Number::doubleValue)
                .description(
                        "Messages sent to the broker and not yet settled (bounded by ingest.publish.max-in-flight)")
                .register(registry);
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
