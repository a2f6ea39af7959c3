package io.threatingest.http;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorKind;
import io.threatingest.security.CallerAttributes;
import io.threatingest.security.Roles;
import io.threatingest.service.Caller;

/**
 * The caller of the current request, from its verified identity only: the user id is a token's {@code sub} or
 * an API key's user, the groups come from the token's groups claim or the key store. Client-sent
 * {@code user-id} and {@code groups} headers are never read.
 */
@ApplicationScoped
public class CallerResolver {

    private final SecurityIdentity identity;

    public CallerResolver(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** A token's {@code sub}, or the principal's name (an API key's user). */
    public static String userId(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject()
                : identity.getPrincipal().getName();
    }

    /** Whether the verified caller holds the role ({@code admin} holds every role). */
    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /**
     * The {@code screen} query parameter: absent or {@code true} screens; {@code false} skips screening, which only
     * a caller with the role {@code unscreened} may ask (403 otherwise).
     */
    public boolean screen(String value) {
        if (value == null || BooleanQueryParam.parse("screen", value)) {
            return true;
        }
        if (!identity.hasRole(Roles.UNSCREENED)) {
            throw new ApiException(ErrorKind.FORBIDDEN, "only a caller with the role " + Roles.UNSCREENED
                    + " may skip screening (screen=false)", "screen");
        }
        return false;
    }

    public Caller current() {
        String userId = userId(identity);
        List<String> groups = identity.getAttribute(CallerAttributes.GROUPS);
        return new Caller(userId, groups == null ? List.of() : groups, identity.hasRole(Roles.ADMIN));
    }
}
