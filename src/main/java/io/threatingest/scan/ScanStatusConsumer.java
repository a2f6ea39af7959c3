package io.threatingest.scan;

import java.time.Duration;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.threatingest.state.StateUnavailableException;

/**
 * Consumes the scanner workers' status reports from the {@code scan-status} channel: decodes each message, hands the
 * report to {@link ScanService} and acknowledges the message when the report was applied. A message that is not a
 * report, or a report for an unknown task or with an unknown status, is nacked: the AMQP broker dead-letters it, the
 * Kafka connector moves it to the dead-letter topic. While the shared state cannot be reached the report is tried
 * again (every second at first, then every 10 s) and its message stays unsettled, so that nothing is lost and the
 * broker does not spin reports through its queue.
 */
@ApplicationScoped
public class ScanStatusConsumer {

    private static final Logger LOG = Logger.getLogger(ScanStatusConsumer.class);

    private final ScanService scans;

    public ScanStatusConsumer(ScanService scans) {
        this.scans = scans;
    }

    @Incoming("scan-status")
    public Uni<Void> consume(Message<byte[]> message) {
        var report = ScanStatusReports.decode(message.getPayload());
        if (report.isEmpty()) {
            LOG.warn("Rejected a scan status message that is not a JSON object with a string id and status");
            return Uni.createFrom().completionStage(message.nack(new IllegalArgumentException("not a report")));
        }
        String task = report.get().taskId();
        return Uni.createFrom().deferred(() -> scans.apply(report.get()))
                .onFailure(StateUnavailableException.class).invoke(failure -> LOG.debugf(
                        "Scan status report for task %s waits for the state backend: %s", task, failure.getMessage()))
                .onFailure(StateUnavailableException.class).retry()
                .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10)).indefinitely()
                .flatMap(outcome -> {
                    if (outcome.accepted()) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    String why = outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
                    LOG.warnf("Rejected a scan status report for task %s: %s", task, why);
                    return Uni.createFrom().completionStage(message.nack(new IllegalArgumentException(why)));
                })
                .onFailure().recoverWithUni(failure -> {
                    LOG.errorf(failure, "Could not apply a scan status report for task %s", task);
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }
}
