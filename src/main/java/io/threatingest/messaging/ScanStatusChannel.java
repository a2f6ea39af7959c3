package io.threatingest.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.amqp.AmqpMessage;
import io.threatingest.service.ScanService;

/**
 * The scanner workers' status reports through the connector: each message is decoded and handed to
 * {@link ScanService}; applied reports are acked ({@code accepted}), the others nacked, which the channel's
 * {@code reject} failure strategy turns into a {@code rejected} disposition (dead-lettered by the broker).
 */
@ApplicationScoped
public class ScanStatusChannel {

    private static final Logger LOG = Logger.getLogger(ScanStatusChannel.class);

    private final ScanService scans;

    public ScanStatusChannel(ScanService scans) {
        this.scans = scans;
    }

    @Incoming("scan-status")
    public CompletionStage<Void> onMessage(Message<?> message) {
        var amqp = message.unwrap(AmqpMessage.class).getAmqpMessage().getDelegate().unwrap();
        var report = ScanStatusReports.decode(amqp.getBody());
        if (report.isEmpty()) {
            LOG.warnf("Rejected a scan status message that is not a JSON object with a string id and status "
                    + "(message-id %s)", amqp.getMessageId());
            return message.nack(new IllegalArgumentException("not a scan status report"));
        }
        return scans.apply(report.get())
                .onItem().transformToUni(outcome -> {
                    if (outcome.accepted()) {
                        return io.smallrye.mutiny.Uni.createFrom().completionStage(message.ack());
                    }
                    LOG.warnf("Rejected a scan status report for task %s: %s", report.get().taskId(), outcome);
                    return io.smallrye.mutiny.Uni.createFrom().completionStage(
                            message.nack(new IllegalArgumentException(outcome.name())));
                })
                .subscribeAsCompletionStage();
    }
}
