package io.threatingest.service;

import java.time.Instant;
import java.util.List;

/**
 * A scan task.
 *
 * @param webhook where to report completion, or {@code null}
 * @param finishedAt when it became {@code done}, or {@code null}
 * @param webhookDispatched whether the completion webhook has been started (it is called once)
 */
public record ScanTask(String id, String target, String targetKind, ScanStatus status, Instant createdAt,
        Instant finishedAt, Webhook webhook, boolean webhookDispatched) {

    /** A webhook: the URL and the headers to send. Never logged or published: it may hold credentials. */
    public record Webhook(String url, List<Header> headers) {
        public Webhook {
            headers = List.copyOf(headers);
        }

        @Override
        public String toString() {
            return "Webhook[" + WebhookPolicy.redacted(url) + "]";
        }
    }

    public record Header(String key, String value) {
        @Override
        public String toString() {
            return "Header[" + key + "]";
        }
    }

    public ScanTask withStatus(ScanStatus next, Instant now) {
        return new ScanTask(id, target, targetKind, next, createdAt, next == ScanStatus.DONE ? now : finishedAt,
                webhook, webhookDispatched);
    }

    public ScanTask dispatched() {
        return new ScanTask(id, target, targetKind, status, createdAt, finishedAt, webhook, true);
    }

    /** Whether a new request for the same target should get this task back rather than a new one. */
    public boolean reusable(Instant now, java.time.Duration reuseWindow) {
        return status != ScanStatus.DONE || finishedAt.plus(reuseWindow).isAfter(now);
    }
}
