package io.threatingest.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
 * Reads the {@code api-key} and {@code api-secret} headers, or the same pair as HTTP Basic credentials
 * ({@code Authorization: Basic base64(key:secret)}, for clients that speak only Basic, such as TAXII ones); both
 * are verified alike (same store, cache, failure reasons and metrics). It runs before the Bearer mechanism and
 * steps aside when neither is sent, so a token can take the request; when a key header and an
 * {@code Authorization} header arrive together the request is refused as ambiguous.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String KEY_HEADER = "api-key";
    public static final String SECRET_HEADER = "api-secret";
    private static final String BASIC = "Basic ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String keyId = context.request().getHeader(KEY_HEADER);
        String secret = context.request().getHeader(SECRET_HEADER);
        if (keyId == null && secret == null) {
            String authorization = context.request().getHeader("Authorization");
            if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
                return Uni.createFrom().optional(java.util.Optional.empty());
            }
            return basic(authorization.substring(BASIC.length()).trim(), context, identities);
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

    /** {@code base64(key:secret)}: the key is what precedes the first colon (key ids hold none). */
    private static Uni<SecurityIdentity> basic(String credentials, RoutingContext context,
            IdentityProviderManager identities) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(AuthMethod.API_KEY.reject("Basic credentials are not base64"));
        }
        int colon = pair.indexOf(':');
        if (colon <= 0 || colon == pair.length() - 1) {
            return Uni.createFrom().failure(AuthMethod.API_KEY.reject(
                    "Basic credentials must be the api-key as user and the api-secret as password"));
        }
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new ApiKeyAuthenticationRequest(pair.substring(0, colon), pair.substring(colon + 1)), context));
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
