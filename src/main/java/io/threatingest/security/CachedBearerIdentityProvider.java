package io.threatingest.security;

import java.security.Principal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;
import io.vertx.ext.web.RoutingContext;

/**
 * Takes Bearer tokens before smallrye-jwt's own provider and remembers those it verified
 * ({@code ingest.auth.token-cache.*}), so that a client reusing its token pays the signature check and the
 * parsing once. A token not remembered goes to smallrye-jwt's provider, whose identity, or refusal, is the
 * answer unchanged. What {@link CallerAugmentor} derives from the claims (roles, groups) is derived once too, when
 * the token is remembered, and the identities served from memory are marked so that it does not derive it again.
 */
@ApplicationScoped
public class CachedBearerIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();

    /** What the verifier's identity holds that belongs to the token rather than to one request. */
    private record Verified(Principal principal, Set<String> roles, Map<String, Object> attributes) {
    }

    private final MpJwtValidator verifier;
    private final CallerAugmentor augmentor;
    private final VerifiedTokens<Verified> verified;
    private final Optional<Long> maxTokenAgeSeconds;
    private final Counter hits;
    private final Counter misses;

    public CachedBearerIdentityProvider(MpJwtValidator verifier, CallerAugmentor augmentor, IngestConfig config,
            Config mpConfig, MeterRegistry registry) {
        this.verifier = verifier;
        this.augmentor = augmentor;
        IngestConfig.Auth.TokenCache settings = config.auth().tokenCache();
        this.verified = new VerifiedTokens<>(settings.ttl().toNanos(), settings.maxSize());
        this.maxTokenAgeSeconds = mpConfig.getOptionalValue("mp.jwt.verify.token.age", Long.class);
        this.hits = counter(registry, "hit");
        this.misses = counter(registry, "miss");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("ingest.auth.token.cache")
                .description("Bearer tokens found verified (hit) or handed to the verifier (miss)")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Ahead of smallrye-jwt's provider, which would otherwise take the request first. */
    @Override
    public int priority() {
        return verifier.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        if (!verified.enabled() || !(request.getToken() instanceof JsonWebTokenCredential credential)) {
            return Uni.createFrom().nullItem();
        }
        String token = credential.getToken();
        Verified known = verified.find(token);
        if (known != null) {
            hits.increment();
            return Uni.createFrom().item(identity(known, request));
        }
        misses.increment();
        return verifier.authenticate(request, context).invoke(identity -> remember(token, identity));
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        // The first request's context must neither be handed to later requests nor kept alive by the cache.
        attributes.remove(ROUTING_CONTEXT);
        // What the augmentor derives from the claims, derived once: it passes identities marked complete as they are.
        attributes.put(CallerAttributes.GROUPS, augmentor.groups(jwt));
        attributes.put(CallerAttributes.COMPLETED, Boolean.TRUE);
        // Not Map.copyOf: an attribute may hold null, and remembering must never fail a verified request.
        verified.remember(token, new Verified(jwt, Set.copyOf(augmentor.roles(jwt)),
                Collections.unmodifiableMap(attributes)), notAfterEpochMillis(jwt));
    }

    /**
     * The first instant at which the token may no longer be served from memory: its {@code exp} without the clock
     * skew, so that in the skew window every request is verified again and answered as without a cache, and no
     * later than {@code mp.jwt.verify.token.age} after {@code iat} when that limit is set.
     */
    private long notAfterEpochMillis(JsonWebToken jwt) {
        long notAfter = jwt.getExpirationTime() * 1000;
        if (maxTokenAgeSeconds.isPresent()) {
            notAfter = Math.min(notAfter, (jwt.getIssuedAtTime() + maxTokenAgeSeconds.get()) * 1000);
        }
        return notAfter;
    }

    /** The identity the verifier would have built for this request. */
    private static SecurityIdentity identity(Verified known, TokenAuthenticationRequest request) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(known.principal())
                .addCredential(request.getToken())
                .addRoles(known.roles())
                .addAttributes(known.attributes());
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) {
            builder.addAttribute(ROUTING_CONTEXT, routingContext);
        }
        return builder.build();
    }

    /** Tokens remembered now (for tests). */
    int size() {
        return verified.size();
    }
}
