package io.threatingest.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start with a token verification key but no expected issuer or audience (without them any token
 * signed by that key, for any audience, would be accepted), or with a key that cannot be read or can verify none of
 * the allowed algorithms ({@link TokenVerificationContext}).
 */
@ApplicationScoped
public class JwtSettingsCheck {

    private final Config config;
    private final TokenVerificationContext verification;

    public JwtSettingsCheck(Config config, TokenVerificationContext verification) {
        this.config = config;
        this.verification = verification;
    }

    void check(@Observes StartupEvent event) {
        boolean keyConfigured = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isPresent()
                || config.getOptionalValue("mp.jwt.verify.publickey", String.class).isPresent();
        if (!keyConfigured) {
            return;
        }
        if (config.getOptionalValue("mp.jwt.verify.issuer", String.class).isEmpty()
                || config.getOptionalValue("mp.jwt.verify.audiences", String.class).isEmpty()) {
            throw new IllegalStateException("mp.jwt.verify.issuer and mp.jwt.verify.audiences are required when "
                    + "a token verification key is configured");
        }
        verification.resolve();
    }
}
