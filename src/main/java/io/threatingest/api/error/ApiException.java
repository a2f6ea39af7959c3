package io.threatingest.api.error;

/**
 * A request the API answers with an error status. {@code summary} names the kind of error (it gives the
 * stable {@code code}); {@code cause} says what exactly was wrong with this request.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String summary;
    private final String param;

    public ApiException(int status, String summary, String cause, String param) {
        super(cause, null, false, false);
        this.status = status;
        this.summary = summary;
        this.param = param;
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

    public static ApiException badRequest(String summary, String cause, String param) {
        return new ApiException(400, summary, cause, param);
    }
}
