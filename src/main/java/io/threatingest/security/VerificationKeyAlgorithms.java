package io.threatingest.security;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;

/**
 * The signature algorithms a token verification key can check, out of those allowed
 * ({@code mp.jwt.verify.publickey.algorithm}), in a fixed order.
 * <p>
 * smallrye-jwt decodes a PEM key with the first algorithm of the allowed set, and that set's order changes from one
 * start to the next: with {@code RS256,ES256} an RSA key was refused on the starts where ES256 came first
 * (docs/decisions/0002-token-key-algorithms.md). Narrowing the set to the key's own algorithms makes the first one
 * always right; a key that fits none of the allowed algorithms is refused before the service starts.
 */
public final class VerificationKeyAlgorithms {

    static final String ALGORITHMS_SETTING = "mp.jwt.verify.publickey.algorithm";

    private static final Set<SignatureAlgorithm> RSA = EnumSet.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
            SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512);

    private VerificationKeyAlgorithms() {
    }

    /** A key the service cannot use, with the reason; the message names the settings involved. */
    public static final class UnusableKeyException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        UnusableKeyException(String message) {
            super(message);
        }
    }

    /**
     * The allowed algorithms the key (PEM public key or certificate, JWK or JWKS, as text) can verify, in the
     * algorithms' declaration order.
     *
     * @param source the setting the key came from, for messages
     */
    public static Set<SignatureAlgorithm> forKey(String content, Set<SignatureAlgorithm> allowed, String source) {
        String text = content.strip();
        Set<SignatureAlgorithm> usable = text.startsWith("{") ? ofJsonKeys(text, source) : ofPem(text, source);
        Set<SignatureAlgorithm> result = ordered(allowed);
        result.retainAll(usable);
        if (result.isEmpty()) {
            throw new UnusableKeyException("the token verification key (" + source + ") can verify " + names(usable)
                    + ", none of which " + ALGORITHMS_SETTING + " allows (" + names(allowed) + ")");
        }
        return result;
    }

    /** The allowed algorithms in declaration order, for a key that is not read at start (a JWKS URL). */
    public static Set<SignatureAlgorithm> ordered(Set<SignatureAlgorithm> allowed) {
        Set<SignatureAlgorithm> result = new LinkedHashSet<>();
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            if (allowed.contains(algorithm)) {
                result.add(algorithm);
            }
        }
        return result;
    }

    private static Set<SignatureAlgorithm> ofPem(String text, String source) {
        try {
            // Markers removed by hand: the key may arrive with its line breaks removed, as smallrye-jwt reads files.
            byte[] der = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
            if (text.contains("-----BEGIN CERTIFICATE-----")) {
                return ofKey(CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der))
                        .getPublicKey());
            }
            X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
            for (String family : List.of("RSA", "EC", "EdDSA")) {
                try {
                    return ofKey(KeyFactory.getInstance(family).generatePublic(spec));
                } catch (InvalidKeySpecException notThisFamily) {
                    // the next family
                }
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // reported below
        }
        throw new UnusableKeyException("the token verification key (" + source + ") is neither a PEM public key "
                + "or certificate, nor a JWK or JWKS");
    }

    private static Set<SignatureAlgorithm> ofKey(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return RSA;
        }
        if (key instanceof ECPublicKey ec) {
            return ofCurveSize(ec.getParams().getCurve().getField().getFieldSize());
        }
        if (key instanceof EdECPublicKey) {
            return EnumSet.of(SignatureAlgorithm.EDDSA);
        }
        return EnumSet.noneOf(SignatureAlgorithm.class);
    }

    private static Set<SignatureAlgorithm> ofCurveSize(int bits) {
        return switch (bits) {
            case 256 -> EnumSet.of(SignatureAlgorithm.ES256);
            case 384 -> EnumSet.of(SignatureAlgorithm.ES384);
            case 521 -> EnumSet.of(SignatureAlgorithm.ES512);
            default -> EnumSet.noneOf(SignatureAlgorithm.class);
        };
    }

    private static Set<SignatureAlgorithm> ofJsonKeys(String text, String source) {
        List<JsonWebKey> keys;
        try {
            keys = text.contains("\"keys\"")
                    ? new JsonWebKeySet(text).getJsonWebKeys()
                    : List.of(JsonWebKey.Factory.newJwk(text));
        } catch (JoseException | RuntimeException e) {
            throw new UnusableKeyException("the token verification key (" + source + ") is not a valid JWK or JWKS");
        }
        Set<SignatureAlgorithm> usable = EnumSet.noneOf(SignatureAlgorithm.class);
        for (JsonWebKey key : keys) {
            usable.addAll(ofJsonKey(key));
        }
        return usable;
    }

    private static Set<SignatureAlgorithm> ofJsonKey(JsonWebKey key) {
        Set<SignatureAlgorithm> byType = switch (key.getKeyType()) {
            case "RSA" -> RSA;
            case "EC" -> ofKey(key.getKey() instanceof PublicKey publicKey ? publicKey : null);
            case "OKP" -> EnumSet.of(SignatureAlgorithm.EDDSA);
            default -> EnumSet.noneOf(SignatureAlgorithm.class);
        };
        if (key.getAlgorithm() == null) {
            return byType;
        }
        Set<SignatureAlgorithm> declared = EnumSet.noneOf(SignatureAlgorithm.class);
        for (SignatureAlgorithm algorithm : byType) {
            if (algorithm.getAlgorithm().equals(key.getAlgorithm())) {
                declared.add(algorithm);
            }
        }
        return declared;
    }

    private static String names(Set<SignatureAlgorithm> algorithms) {
        List<String> names = new ArrayList<>();
        for (SignatureAlgorithm algorithm : ordered(algorithms)) {
            names.add(algorithm.getAlgorithm());
        }
        return names.isEmpty() ? "no algorithm" : String.join(",", names);
    }
}
