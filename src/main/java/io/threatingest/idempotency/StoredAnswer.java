package io.threatingest.idempotency;

import java.util.Map;

/**
 * An answer kept for an idempotency key, replayed as it was sent: status, media type, the headers a client may
 * act on ({@code x-error}, {@code x-error-id}, {@code Location}, {@code Retry-After}) and the body bytes.
 */
public record StoredAnswer(int status, String contentType, Map<String, String> headers, byte[] body) {

    public StoredAnswer {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }
}
