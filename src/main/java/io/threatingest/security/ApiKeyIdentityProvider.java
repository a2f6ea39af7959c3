package io.threatingest.security;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;

/**
 * Verifies an API key pair against the key store. Argon2id is deliberately slow, so it runs on a worker
 * thread behind a bound on concurrent checks ({@link SecretVerifier}), and a pair that passed is remembered
 * for a short time ({@link VerifiedSecrets}).
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    /** Enough calls of the hash's inner functions for C2 to compile them too (about 16,000 block compressions). */
    private static final int WARM_UP_ROUNDS = 8;

    private final ApiKeyStore store;
    private final VerifiedSecrets verified;
    private final SecretVerifier verifier;
    private final Clock clock;

    public ApiKeyIdentityProvider(ApiKeyStore store, IngestConfig config) {
        this.store = store;
        this.verified = new VerifiedSecrets(config.auth().verificationCacheTtl().toNanos(),
                config.auth().verificationCacheSize());
        this.verifier = new SecretVerifier(config.auth().maxConcurrentVerifications(), Argon2id::verify);
        this.clock = Clock.systemUTC();
        store.onReload(verified::clear);
    }

    /**
     * When API keys are loaded, runs Argon2id's code on a background thread at a small memory cost
     * ({@link Argon2id#warmUp}), so that the first real check after a start finds it loaded and compiled instead of
     * paying for that in the first request's answer.
     */
    void warmUp(@Observes StartupEvent event) {
        if (store.anyKey().isPresent()) {
            Thread warmUp = new Thread(() -> Argon2id.warmUp(WARM_UP_ROUNDS), "api-key-check-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request,
            AuthenticationRequestContext context) {
        ApiKey key = store.find(request.keyId()).orElse(null);
        if (key == null) {
            return reject("unknown api key");
        }
        if (key.disabled()) {
            return reject("api key disabled");
        }
        if (key.expired(Instant.now(clock))) {
            return reject("api key expired");
        }
        if (verified.contains(key.keyId(), request.secret())) {
            return Uni.createFrom().item(identity(key));
        }
        return context.runBlocking(() -> {
            if (!matches(key, request.secret())) {
                throw AuthMethod.API_KEY.reject("wrong api secret");
            }
            verified.remember(key.keyId(), request.secret());
            return identity(key);
        });
    }

    private boolean matches(ApiKey key, String secret) {
        try {
            return verifier.verify(key.keyId(), secret, key.secretHash());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AuthMethod.API_KEY.reject("verification interrupted");
        }
    }

    private static Uni<SecurityIdentity> reject(String reason) {
        return Uni.createFrom().failure(AuthMethod.API_KEY.reject(reason));
    }

    private static SecurityIdentity identity(ApiKey key) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(key.userId()))
                .addRoles(key.roles())
                .addAttribute(CallerAttributes.GROUPS, key.groups())
                .build();
    }
}
