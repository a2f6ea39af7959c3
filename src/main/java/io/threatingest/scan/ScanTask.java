package io.threatingest.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A scan task.
 *
 * @param webhook where to report completion, or {@code null}
 * @param updatedAt when its status last changed
 * @param finishedAt when it became {@code done}, or {@code null}
 * @param webhookState where the completion webhook stands
 */
public record ScanTask(String id, String target, String targetKind, ScanStatus status, Instant createdAt,
        Instant updatedAt, Instant finishedAt, Webhook webhook, WebhookState webhookState) {

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

    /** The completion webhook: none asked; waiting for the task to finish; being called; and how that ended. */
    public enum WebhookState {

        NONE, PENDING, CALLING, DELIVERED, REFUSED, FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static WebhookState of(String wireName) {
            return valueOf(wireName.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** A new task for a target, with status {@code new}. */
    public static ScanTask create(String id, String target, String targetKind, Instant now, Webhook webhook) {
        return new ScanTask(id, target, targetKind, ScanStatus.NEW, now, now, null, webhook,
                webhook == null ? WebhookState.NONE : WebhookState.PENDING);
    }

    /** Whether a new request for the same target should get this task back rather than a new one. */
    public boolean reusable(Instant now, Duration reuseWindow, Duration retention) {
        return status == ScanStatus.DONE
                ? finishedAt.plus(reuseWindow).isAfter(now)
                : createdAt.plus(retention).isAfter(now);
    }
}
