package io.threatingest.http.error;

/**
 * Every kind of error the service answers: its HTTP status, its summary (the start of the message, before the
 * cause) and its public {@code code}. The codes are written out here, not derived from the summaries, so that
 * rewording a summary never changes a code clients may match on. (They were first made as the MD5 of the summary;
 * {@code ErrorKindTest} pins the ones given out before they were written down.)
 */
public enum ErrorKind {

    // @formatter:off (one kind per line)
    INVALID_REQUEST(400, "invalid request", "aafa1753cf7c9ec4007a52d13c41571e"),
    INVALID_QUERY_PARAMETER(400, "invalid query parameter", "076ae8f7d5ca0c3352703f318240b14f"),
    BODY_REQUIRED(400, "request body required", "9d5f0058efec014a77c877ef6b307382"),
    MALFORMED_JSON(400, "malformed JSON", "8a60774108c6b6e2c11346dba5d9870a"),
    WRONG_JSON_TYPE(400, "wrong JSON type", "205611a45f1f6c668047c927562cd21e"),
    JSON_LIMIT(400, "request body exceeds a JSON limit", "6bf9f74dcbabb865c358a521d1758fd8"),
    INVALID_DOCUMENT(400, "invalid document", "62fddf0b53238405e3ffc869929d139b"),
    NOTHING_TO_INGEST(400, "nothing to ingest", "9b3113b01258238d69e5272e3d475251"),
    INVALID_IDEMPOTENCY_KEY(400, "invalid Idempotency-Key", "3a428beb72cb1550cc6ec67e09377602"),
    NOT_PUBLISHED(400, "not published", "7a9991b75d3865c3abbcf50262b2b5b8"),
    AUTHENTICATION_FAILED(401, "authentication failed", "c41c77e4dddc04b1e0752a6050ae5656"),
    FORBIDDEN(403, "forbidden", "350f9d68221a0db19024ee40cfc3c7f8"),
    NOT_FOUND(404, "not found", "d8f4a1993546cc4b850cde3599e27aec"),
    NOT_ACCEPTABLE(406, "not acceptable", "a793e5355e999491787110ac5423cff3"),
    IDEMPOTENCY_KEY_IN_USE(409, "idempotency key in use", "812dccbe8a1f05e0fab48f2d5a0f16bc"),
    BODY_TOO_LARGE(413, "request body too large", "f34aea6bec3e002551b363c59d34ab1e"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported media type", "51e20034ae0fd8725278051fdc35a4df"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency key reused", "7c872961ee8c4cb4845dc544f8c0ce84"),
    REFUSED_BY_SCREENING(422, "refused by screening", "03cb5624e7979e2b714d0c82fcab7e69"),
    TOO_MANY_REQUESTS(429, "too many requests", "db629e4600228d95bc9f70c28f3e0c03"),
    INTERNAL_ERROR(500, "internal error", "ecfd1ab1caed9e704de9ea592b23c60c"),
    BROKER_UNAVAILABLE(503, "the broker cannot take the submission now, retry later",
            "174e85cc989f77c0d2df510374c02b6f"),
    BROKER_UNAVAILABLE_OBJECTS(503, "the broker cannot take the objects now, retry later",
            "7d03e09b46666ecc6df7611dad887cde"),
    BROKER_OVERLOADED(503, "too many submissions await the broker, retry later", "2fac3266e35dbedffc7174c966a81644"),
    NOT_CONFIGURED(503, "not available on this service", "d56aa1c0668afa8300e58a540c04e4e1"),
    SHUTTING_DOWN(503, "the service is shutting down, retry on another instance", "76c42868c63df36d2b7c088c83198ec7"),
    IDEMPOTENCY_UNAVAILABLE(503, "idempotency keys cannot be checked now, retry later",
            "cfb206539a8a6c518707caf91494c4db"),
    RATE_LIMITS_UNAVAILABLE(503, "rate limits cannot be checked now, retry later", "7cb394201faeb47af29ad2310262f81e"),
    SCAN_TASKS_UNAVAILABLE(503, "scan tasks cannot be reached now, retry later", "995404fea00535921cbcfdf3d41a3dff"),
    TAXII_STATUSES_UNAVAILABLE(503, "TAXII statuses cannot be reached now, retry later",
            "91c01727ad95398c6abd9ac078b73c02"),
    BODIES_IN_PROGRESS(503, "too many large submissions are being processed, retry later",
            "11383c37b25316cc3620637e3f35f834");
    // @formatter:on

    private final int status;
    private final String summary;
    private final String code;

    ErrorKind(int status, String summary, String code) {
        this.status = status;
        this.summary = summary;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String summary() {
        return summary;
    }

    public String code() {
        return code;
    }
}
