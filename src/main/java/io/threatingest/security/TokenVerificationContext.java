package io.threatingest.security;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.config.JWTAuthContextInfoProvider;
import io.smallrye.jwt.util.ResourceUtils;

/**
 * The token verification settings smallrye-jwt works with, as its own provider reads them from
 * {@code mp.jwt.verify.*}, except for the algorithms: those the configured key can verify, in a fixed order
 * ({@link VerificationKeyAlgorithms}). This is the one place that works around smallrye-jwt's choice of a PEM key's
 * type by the first algorithm of an unordered set (docs/decisions/0002-token-key-algorithms.md).
 */
@Singleton
public class TokenVerificationContext {

    static final String LOCATION_SETTING = "mp.jwt.verify.publickey.location";
    static final String KEY_SETTING = "mp.jwt.verify.publickey";

    private final JWTAuthContextInfoProvider settings;
    private final Optional<String> configuredLocation;
    private volatile JWTAuthContextInfo resolved;

    public TokenVerificationContext(JWTAuthContextInfoProvider settings, Config config) {
        this.settings = settings;
        this.configuredLocation = config.getOptionalValue(LOCATION_SETTING, String.class);
    }

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo contextInfo() {
        return resolve();
    }

    /**
     * The settings with the key's algorithms; reads the key (not a JWKS URL, whose keys are chosen per token by
     * their id and algorithm). Throws {@link VerificationKeyAlgorithms.UnusableKeyException} for a key that cannot
     * be read or fits none of the allowed algorithms. Without a configured key, smallrye-jwt's own answer.
     */
    JWTAuthContextInfo resolve() {
        JWTAuthContextInfo known = resolved;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (resolved == null) {
                resolved = withKeyAlgorithms(settings.getContextInfo(), configuredLocation.orElse(null));
            }
            return resolved;
        }
    }

    /**
     * @param configuredLocation {@code mp.jwt.verify.publickey.location} as configured, for messages: smallrye-jwt
     *        may have read a file location into the content already, leaving no location in the settings
     */
    static JWTAuthContextInfo withKeyAlgorithms(JWTAuthContextInfo original, String configuredLocation) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(original);
        Set<SignatureAlgorithm> allowed = original.getSignatureAlgorithm();
        String content = info.getPublicKeyContent();
        String location = info.getPublicKeyLocation() != null ? info.getPublicKeyLocation() : configuredLocation;
        if (content == null && (location == null || isUrl(location))) {
            info.setSignatureAlgorithm(VerificationKeyAlgorithms.ordered(allowed));
        } else {
            info.setSignatureAlgorithm(VerificationKeyAlgorithms.forKey(content != null ? content : read(location),
                    allowed, location != null ? LOCATION_SETTING + "=" + location : KEY_SETTING));
        }
        return info;
    }

    private static boolean isUrl(String location) {
        return location.startsWith("http:") || location.startsWith("https:");
    }

    private static String read(String location) {
        try {
            String content = ResourceUtils.readResource(location);
            if (content != null) {
                return content;
            }
        } catch (IOException | RuntimeException e) {
            // reported below
        }
        throw new VerificationKeyAlgorithms.UnusableKeyException("the token verification key cannot be read from "
                + LOCATION_SETTING + "=" + location);
    }
}
