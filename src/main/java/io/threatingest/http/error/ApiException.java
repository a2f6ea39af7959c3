package io.threatingest.http.error;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

/**
 * A request the API answers with an error status. {@code kind} gives the status, the summary and the stable
 * {@code code}; {@code cause} says what exactly was wrong with this request.
 */
public class ApiException extends RuntimeException {

    private final ErrorKind kind;
    private final String param;
    private final Duration retryAfter;

    public ApiException(ErrorKind kind, String cause, String param) {
        this(kind, cause, param, null);
    }

    /** With {@code retryAfter}, the answer tells the client when to come back ({@code Retry-After}). */
    public ApiException(ErrorKind kind, String cause, String param, Duration retryAfter) {
        super(cause, null, false, false);
        this.kind = kind;
        this.param = param;
        this.retryAfter = retryAfter;
    }

    public ErrorKind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }

    public String param() {
        return param;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The uniform error answer for this failure. */
    public Response toResponse() {
        return ErrorResponses.build(kind, getMessage(), param, retryAfter, null);
    }
}
