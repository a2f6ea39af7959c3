package io.threatingest.security;

import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/** Names why a Bearer token was refused, without quoting the token or its claims. */
public final class BearerFailures {

    private BearerFailures() {
    }

    public static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return "token expired";
                }
                if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
                    return "token signature invalid";
                }
                if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID)
                        || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return "token issuer not accepted";
                }
                if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)
                        || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                    return "token audience not accepted";
                }
                if (invalid.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
                    return "token not yet valid";
                }
                return "token not valid";
            }
            if (t.getClass().getName().endsWith("UnresolvableKeyException")) {
                return "token signing key unknown";
            }
        }
        return "token not valid";
    }
}
