package io.threatingest.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.threatingest.config.IngestConfig;
import io.threatingest.messaging.BrokerConnection;
import io.threatingest.state.StateUnavailableException;
import io.vertx.amqp.AmqpMessage;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Consumes the scanner workers' status reports: decodes each message, hands the report to {@link ScanService}
 * and settles the message with the outcome, {@code accepted} or {@code rejected} (the broker then moves it to
 * its dead-letter address).
 */
@ApplicationScoped
public class ScanStatusConsumer {

    private static final Logger LOG = Logger.getLogger(ScanStatusConsumer.class);

    private final BrokerConnection broker;
    private final ScanService scans;
    private final String address;

    public ScanStatusConsumer(BrokerConnection broker, ScanService scans, IngestConfig config) {
        this.broker = broker;
        this.scans = scans;
        this.address = config.addresses().scanStatus();
    }

    void listen(@Observes StartupEvent event) {
        broker.subscribe(address, this::onMessage);
    }

    /** On the connection's event loop; the settlement goes back there whichever thread completes the outcome. */
    void onMessage(AmqpMessage message) {
        Context context = Vertx.currentContext();
        var report = ScanStatusReports.decode(message.unwrap().getBody());
        if (report.isEmpty()) {
            LOG.warnf("Rejected a scan status message that is not a JSON object with a string id and status "
                    + "(message-id %s)", message.id());
            message.rejected();
            return;
        }
        scans.apply(report.get()).subscribe().with(
                outcome -> context.runOnContext(v -> {
                    if (outcome.accepted()) {
                        message.accepted();
                    } else {
                        LOG.warnf("Rejected a scan status report for task %s: %s", report.get().taskId(),
                                outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                        message.rejected();
                    }
                }),
                failure -> context.runOnContext(v -> {
                    if (failure instanceof StateUnavailableException) {
                        // the shared state is down for now: hand the report back for a later delivery, a second
                        // from now so that an outage does not spin reports through the broker
                        LOG.debugf("Scan status report for task %s released: %s", report.get().taskId(),
                                failure.getMessage());
                        context.owner().setTimer(1000, id -> message.released());
                        return;
                    }
                    LOG.errorf(failure, "Could not apply a scan status report for task %s", report.get().taskId());
                    message.rejected();
                }));
    }
}
