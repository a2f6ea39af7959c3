package io.threatingest.security;

/**
 * The {@code WWW-Authenticate} challenge of a 401: both accepted schemes in one header value (RFC 9110 allows a
 * list), because the security layer writes a single challenge header.
 */
public final class Challenges {

    public static final String REALM = "threat-ingest";
    public static final String BOTH = "Bearer realm=\"" + REALM + "\", ApiKey realm=\"" + REALM
            + "\", header=\"api-key\"";

    private Challenges() {
    }
}
