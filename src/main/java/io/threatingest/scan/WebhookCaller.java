package io.threatingest.scan;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.threatingest.config.IngestConfig;
import io.threatingest.domain.SubmissionException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;

/**
 * Calls a finished task's webhook: POST of a JSON summary with the caller's headers, a timeout, and bounded
 * retries with doubling waits. Before each attempt the host is resolved again and checked by
 * {@link WebhookPolicy}, and the connection goes to that checked address. Outcomes are logged (without query
 * or header values) and counted in {@code ingest_webhook_calls_total{outcome}}.
 */
@ApplicationScoped
public class WebhookCaller {

    private static final Logger LOG = Logger.getLogger(WebhookCaller.class);

    private final Vertx vertx;
    private final WebhookPolicy policy;
    private final HttpClient client;
    private final MeterRegistry metrics;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration backoff;

    public WebhookCaller(Vertx vertx, IngestConfig config, MeterRegistry metrics) {
        IngestConfig.Scan.Webhook settings = config.scan().webhook();
        this.vertx = vertx;
        this.metrics = metrics;
        this.policy = new WebhookPolicy(settings.allowHttp(), settings.allowedHosts().orElse(java.util.List.of()));
        this.timeout = settings.timeout();
        this.maxAttempts = Math.max(1, settings.maxAttempts());
        this.backoff = settings.backoff();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setVerifyHost(true)
                .setKeepAlive(false));
    }

    public WebhookPolicy policy() {
        return policy;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Starts the calls for a finished task and returns at once; {@code ended} hears how they ended. */
    public void notifyDone(ScanTask task, java.util.function.Consumer<ScanTask.WebhookState> ended) {
        JsonObject body = new JsonObject(new LinkedHashMap<>(Map.of(
                "id", task.id(),
                "target", task.target(),
                "status", task.status().wireName(),
                "finishedAt", DateTimeFormatter.ISO_INSTANT.format(task.finishedAt() == null
                        ? Instant.now()
                        : task.finishedAt()))));
        attempt(task, body.toBuffer(), 1, ended);
    }

    private void attempt(ScanTask task, Buffer body, int attempt,
            java.util.function.Consumer<ScanTask.WebhookState> ended) {
        String where = WebhookPolicy.redacted(task.webhook().url());
        vertx.<InetAddress>executeBlocking(() -> {
            URI uri = policy.check(task.webhook());
            return policy.resolve(uri.getHost());
        }, false).compose(address -> send(task, body, address)).onComplete(result -> {
            if (result.succeeded()) {
                count("delivered");
                LOG.infof("Webhook of scan task %s delivered to %s (attempt %d)", task.id(), where, attempt);
                ended.accept(ScanTask.WebhookState.DELIVERED);
                return;
            }
            Throwable failure = result.cause();
            if (failure instanceof SubmissionException refused) {
                count("refused");
                LOG.warnf("Webhook of scan task %s to %s refused: %s", task.id(), where, refused.getMessage());
                ended.accept(ScanTask.WebhookState.REFUSED);
                return;
            }
            if (attempt >= maxAttempts) {
                count("gave_up");
                LOG.errorf("Webhook of scan task %s to %s failed %d times, giving up: %s", task.id(), where, attempt,
                        failure.getMessage());
                ended.accept(ScanTask.WebhookState.FAILED);
                return;
            }
            count("retried");
            long wait = backoff.toMillis() << (attempt - 1);
            LOG.warnf("Webhook of scan task %s to %s failed (attempt %d): %s; retrying in %d ms", task.id(), where,
                    attempt, failure.getMessage(), wait);
            vertx.setTimer(Math.max(1, wait), id -> attempt(task, body, attempt + 1, ended));
        });
    }

    private io.vertx.core.Future<Void> send(ScanTask task, Buffer body, InetAddress address) {
        URI uri = URI.create(task.webhook().url());
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(path)
                .setTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "threat-ingest-webhook");
        task.webhook().headers().forEach(h -> options.putHeader(h.key(), h.value() == null ? "" : h.value()));
        return client.request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.statusCode() / 100 == 2
                        ? io.vertx.core.Future.<Void>succeededFuture()
                        : io.vertx.core.Future.failedFuture("HTTP " + response.statusCode()));
    }

    private void count(String outcome) {
        metrics.counter("ingest.webhook.calls", "outcome", outcome).increment();
    }
}
