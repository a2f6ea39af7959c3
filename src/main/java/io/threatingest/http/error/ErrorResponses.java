package io.threatingest.http.error;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.bouncycastle.crypto.digests.MD5Digest;
import org.jboss.logging.Logger;

/**
 * Builds every error answer the same way: {@code x-error} (readable, one header-safe line), {@code x-error-id}
 * (a fresh UUID, also written to the log line for this occurrence), the JSON error body, and
 * {@code Retry-After} when the client should come back.
 */
public final class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class);

    public static final String X_ERROR = "x-error";
    public static final String X_ERROR_ID = "x-error-id";
    static final int MAX_HEADER_CHARS = 1024;
    static final int MAX_MESSAGE_CHARS = 4096;

    private ErrorResponses() {
    }

    public static Response build(ErrorKind kind, String cause, String param, Duration retryAfter, Throwable failure) {
        return withRetryAfter(builder(kind, cause, param, failure), retryAfter);
    }

    /** The error answer, for callers that add headers of their own (challenges, rate limits). */
    public static Response.ResponseBuilder builder(ErrorKind kind, String cause, String param, Throwable failure) {
        return builder(kind.status(), kind.summary(), kind.code(), cause, param, failure);
    }

    /**
     * A refusal of the framework's own (a status no resource chose: 404, 405, ...), named by the HTTP reason
     * phrase, whose code is derived from it (the phrases are the standard's, not ours to reword).
     */
    public static Response framework(int status, String reasonPhrase, Throwable failure) {
        return builder(status, reasonPhrase, md5Hex(reasonPhrase), null, null, failure).build();
    }

    private static Response withRetryAfter(Response.ResponseBuilder response, Duration retryAfter) {
        if (retryAfter != null) {
            response.header("Retry-After", Math.max(1, retryAfter.toSeconds()));
        }
        return response.build();
    }

    private static Response.ResponseBuilder builder(int status, String summary, String code, String cause,
            String param, Throwable failure) {
        String errorId = UUID.randomUUID().toString();
        String message = truncate(cause == null || cause.isEmpty() ? summary : summary + ": " + cause,
                MAX_MESSAGE_CHARS);
        log(status, errorId, message, failure);
        ErrorBody body = new ErrorBody(new ErrorBody.Detail(message, severity(status), code, errorId, param));
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(X_ERROR, headerSafe(message))
                .header(X_ERROR_ID, errorId)
                .entity(body);
    }

    /**
     * An error answer whose body is the door's own report ({@code body} is given the error's detail), keeping
     * the error's status and headers.
     */
    public static Response reporting(Response error, java.util.function.Function<ErrorBody.Detail, Object> body) {
        return Response.fromResponse(error).entity(body.apply(((ErrorBody) error.getEntity()).error())).build();
    }

    /** Sends an error answer built here on a raw HTTP response (for handlers that run before the REST layer). */
    public static void write(Response error, io.vertx.core.http.HttpServerResponse response,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        error.getStringHeaders()
                .forEach((name, values) -> values.forEach(value -> response.headers().add(name, value)));
        try {
            response.putHeader("Content-Type", error.getMediaType() == null
                    ? "application/json"
                    : error.getMediaType().toString())
                    .end(io.vertx.core.buffer.Buffer.buffer(json.writeValueAsBytes(error.getEntity())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            response.end();
        }
    }

    /** Messages echo client input: control characters are escaped so that nobody can forge log lines. */
    private static void log(int status, String errorId, String rawMessage, Throwable failure) {
        String message = printable(rawMessage);
        // also a field of its own in structured (JSON) logs
        org.jboss.logging.MDC.put(X_ERROR_ID, errorId);
        try {
            if (status >= 500) {
                LOG.errorf(status == 500 ? failure : null, "HTTP %d [x-error-id %s] %s", status, errorId, message);
            } else {
                LOG.infof("HTTP %d [x-error-id %s] %s", status, errorId, message);
            }
        } finally {
            org.jboss.logging.MDC.remove(X_ERROR_ID);
        }
    }

    /** Severity names of the reference's error body, by status. */
    static String severity(int status) {
        if (status < 200) {
            return "DEBUG";
        }
        if (status < 300) {
            return "INFO";
        }
        if (status < 400) {
            return "NOTICE";
        }
        if (status < 500) {
            return "WARNING";
        }
        if (status <= 501) {
            return "ERROR";
        }
        if (status <= 508) {
            return "CRITICAL";
        }
        if (status <= 510) {
            return "ALERT";
        }
        return "ERROR";
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Printable ASCII only, so that echoed input can neither break nor inject a header. */
    static String headerSafe(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_HEADER_CHARS));
        for (int i = 0; i < text.length() && out.length() < MAX_HEADER_CHARS; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    private static String md5Hex(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        MD5Digest digest = new MD5Digest();
        digest.update(input, 0, input.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        StringBuilder hex = new StringBuilder(32);
        for (byte b : hash) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }
}
