package io.threatingest.importer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Posts one chunk with its {@code Idempotency-Key}, and posts it again, with the same key and bytes, while the
 * answer says to: 429 and 503 after their {@code Retry-After} (at most the cap), 409 (the key is still in flight)
 * after its {@code Retry-After}, a failed connection or a time-out after a growing pause (1, 2, 4, 8, 16 s).
 */
final class Sender {

    static final int MAX_CONNECTION_ATTEMPTS = 6;
    static final int MAX_WAITS = 100;

    /** The final answer to a chunk. */
    record Answer(int status, String body, String error, boolean replayed, int waits) {

        /** The {@code x-error} header, else "no reason given". */
        String reason() {
            return error == null ? "no reason given" : error;
        }
    }

    /** The service could not be reached after every attempt. */
    static final class Unreachable extends Exception {

        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }

    /** How the sender waits; tests replace nothing, the command sleeps. */
    interface Sleeper {

        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpClient http;
    private final URI base;
    private final ImportOptions.Credentials credentials;
    private final Duration maxWait;
    private final Duration timeout;
    private final Sleeper sleeper;
    private final Consumer<String> notices;

    Sender(URI base, ImportOptions.Credentials credentials, Duration maxWait, Duration timeout, Sleeper sleeper,
            Consumer<String> notices) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        this.base = base;
        this.credentials = credentials;
        this.maxWait = maxWait;
        this.timeout = timeout;
        this.sleeper = sleeper;
        this.notices = notices;
    }

    Answer post(String pathAndQuery, String contentType, byte[] body, String key)
            throws Unreachable, InterruptedException {
        return post(URI.create(base + pathAndQuery), contentType, "application/json", body, key);
    }

    /** Posts to an absolute URL (a TAXII collection's objects), with the retries of {@link #post(String, String, byte[], String)}. */
    Answer post(URI uri, String contentType, String accept, byte[] body, String key)
            throws Unreachable, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", contentType).header("Accept", accept)
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(authorize(request).build());
    }

    /** A GET (TAXII discovery), with the same retries. */
    Answer get(URI uri, String accept) throws Unreachable, InterruptedException {
        return send(authorize(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET()).build());
    }

    private HttpRequest.Builder authorize(HttpRequest.Builder request) {
        if (credentials.token() != null) {
            request.header("Authorization", "Bearer " + credentials.token());
        } else {
            request.header("api-key", credentials.apiKey()).header("api-secret", credentials.apiSecret());
        }
        return request;
    }

    private Answer send(HttpRequest built) throws Unreachable, InterruptedException {
        int failures = 0;
        int waits = 0;
        while (true) {
            HttpResponse<String> response;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                failures++;
                String what = e instanceof HttpTimeoutException
                        ? "no answer within " + timeout.toSeconds() + " s"
                        : "connection failed (" + e.getClass().getSimpleName() + ")";
                if (failures >= MAX_CONNECTION_ATTEMPTS) {
                    throw new Unreachable(base + ": " + what + " after " + failures + " attempts");
                }
                Duration pause = Duration.ofSeconds(1L << (failures - 1));
                notices.accept(what + "; trying again in " + pause.toSeconds() + " s");
                sleeper.sleep(pause);
                continue;
            }
            int status = response.statusCode();
            if ((status == 429 || status == 503 || status == 409) && waits < MAX_WAITS) {
                waits++;
                Duration pause = retryAfter(response);
                notices.accept(status + " (" + response.headers().firstValue("x-error").orElse(reason(status))
                        + "); waiting " + seconds(pause) + " s");
                sleeper.sleep(pause);
                continue;
            }
            boolean replayed = response.headers().firstValue("Idempotency-Replayed").map("true"::equalsIgnoreCase)
                    .orElse(false);
            return new Answer(status, response.body(), response.headers().firstValue("x-error").orElse(null), replayed,
                    waits);
        }
    }

    private Duration retryAfter(HttpResponse<?> response) {
        long seconds = 1;
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value != null) {
            try {
                seconds = Math.max(0, Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                seconds = 1; // an HTTP date: not sent by the service; wait a little
            }
        }
        Duration wait = Duration.ofSeconds(Math.max(seconds, 0));
        if (wait.isZero()) {
            wait = Duration.ofMillis(200);
        }
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    private static String reason(int status) {
        return switch (status) {
            case 429 -> "rate limited";
            case 409 -> "the same chunk is still being processed";
            default -> "service unavailable";
        };
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0
                ? Long.toString(d.toSeconds())
                : String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
