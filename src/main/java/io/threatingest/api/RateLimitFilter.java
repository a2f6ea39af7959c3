package io.threatingest.api;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.threatingest.security.RateLimiter;

/**
 * Applies the per-identity rate limit to every API request, once the caller is known. Unauthenticated
 * requests are left to the role checks (they get 401 without spending a token).
 */
public class RateLimitFilter {

    private final CurrentIdentityAssociation identities;
    private final RateLimiter limiter;

    public RateLimitFilter(CurrentIdentityAssociation identities, RateLimiter limiter) {
        this.identities = identities;
        this.limiter = limiter;
    }

    @ServerRequestFilter
    public Uni<Void> admit() {
        if (!limiter.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .invoke(identity -> {
                    if (identity != null && !identity.isAnonymous()) {
                        limiter.admit(CallerResolver.userId(identity));
                    }
                })
                .replaceWithVoid();
    }
}
