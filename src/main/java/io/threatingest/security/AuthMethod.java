package io.threatingest.security;

import java.util.Map;

import io.quarkus.security.AuthenticationFailedException;

/** How a client tried to authenticate, and the refusals this project raises itself. */
public enum AuthMethod {

    API_KEY("api-key"), BEARER("bearer"), BOTH("both"), NONE("none");

    /** Attributes of a refusal raised here: the method and a reason that never contains a secret or a token. */
    public static final String METHOD_ATTRIBUTE = "threat-ingest.auth-method";
    public static final String REASON_ATTRIBUTE = "threat-ingest.auth-reason";

    private final String label;

    AuthMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public AuthenticationFailedException reject(String reason) {
        return new AuthenticationFailedException(reason, Map.of(METHOD_ATTRIBUTE, label, REASON_ATTRIBUTE, reason));
    }
}
