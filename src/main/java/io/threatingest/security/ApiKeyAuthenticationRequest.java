package io.threatingest.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An {@code api-key} / {@code api-secret} pair to verify. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String keyId;
    private final String secret;

    public ApiKeyAuthenticationRequest(String keyId, String secret) {
        this.keyId = keyId;
        this.secret = secret;
    }

    public String keyId() {
        return keyId;
    }

    public String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest[keyId=" + keyId + "]";
    }
}
