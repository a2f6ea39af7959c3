package io.threatingest.state;

/** The state backend could not be asked in time; the request may be retried (503 with Retry-After). */
public class StateUnavailableException extends RuntimeException {

    /** Which state could not be reached. */
    public enum Store {

        // @formatter:off (one store per line)
        IDEMPOTENCY_KEYS("idempotency keys cannot be checked now"),
        RATE_LIMITS("rate limits cannot be checked now"),
        SCAN_TASKS("scan tasks cannot be reached now"),
        TAXII_STATUSES("TAXII statuses cannot be reached now");
        // @formatter:on

        private final String message;

        Store(String message) {
            this.message = message;
        }
    }

    private final Store store;

    public StateUnavailableException(Store store) {
        super(store.message, null, false, false);
        this.store = store;
    }

    public Store store() {
        return store;
    }
}
