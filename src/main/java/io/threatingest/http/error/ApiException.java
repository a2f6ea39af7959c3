package io.threatingest.http.error;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

/**
 * A request the API answers with an error status. {@code summary} names the kind of error (it gives the
 * stable {@code code}); {@code cause} says what exactly was wrong with this request.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String summary;
    private final String param;
    private final Duration retryAfter;

    public ApiException(int status, String summary, String cause, String param) {
        this(status, summary, cause, param, null);
    }

    /** With {@code retryAfter}, the answer tells the client when to come back ({@code Retry-After}). */
    public ApiException(int status, String summary, String cause, String param, Duration retryAfter) {
        super(cause, null, false, false);
        this.status = status;
        this.summary = summary;
        this.param = param;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String summary() {
        return summary;
    }

    public String param() {
        return param;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The uniform error answer for this failure. */
    public Response toResponse() {
        return ErrorResponses.build(status, summary, getMessage(), param, retryAfter, null);
    }

    public static ApiException badRequest(String summary, String cause, String param) {
        return new ApiException(400, summary, cause, param);
    }
}
