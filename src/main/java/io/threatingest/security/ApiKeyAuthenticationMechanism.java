package io.threatingest.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the {@code api-key} and {@code api-secret} headers. It runs before the Bearer mechanism and steps aside
 * when neither header is sent, so a token can take the request; when a key header and an
 * {@code Authorization} header arrive together the request is refused as ambiguous.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String KEY_HEADER = "api-key";
    public static final String SECRET_HEADER = "api-secret";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String keyId = context.request().getHeader(KEY_HEADER);
        String secret = context.request().getHeader(SECRET_HEADER);
        if (keyId == null && secret == null) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        if (context.request().getHeader("Authorization") != null) {
            return Uni.createFrom().failure(AuthMethod.BOTH.reject(
                    "send either an Authorization header or an api-key and api-secret pair, not both"));
        }
        if (keyId == null || secret == null || keyId.isBlank() || secret.isBlank()) {
            return Uni.createFrom().failure(AuthMethod.API_KEY.reject("both api-key and api-secret are required"));
        }
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new ApiKeyAuthenticationRequest(keyId, secret), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", Challenges.BOTH));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom()
                .item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, KEY_HEADER));
    }

    /** Before the Bearer mechanism (default priority 1000), so that both credentials at once are detected. */
    @Override
    public int getPriority() {
        return 2000;
    }
}
