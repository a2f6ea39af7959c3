package io.threatingest.security;

/**
 * The {@code WWW-Authenticate} challenge of a 401: every accepted scheme in one header value (RFC 9110 allows a
 * list), because the security layer writes a single challenge header. {@code Basic} carries the api-key pair
 * (user: the key, password: the secret), for clients such as TAXII ones that speak only Basic.
 */
public final class Challenges {

    public static final String REALM = "threat-ingest";
    public static final String BOTH = "Bearer realm=\"" + REALM + "\", ApiKey realm=\"" + REALM
            + "\", header=\"api-key\", Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";

    private Challenges() {
    }
}
