package io.threatingest.support;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Credentials for tests, made once per test JVM: an RSA and an EC signing key (their public halves are served
 * as a JWKS by {@link AuthFixtureResource}), a foreign RSA key for bad signatures, and API key pairs.
 */
public final class TestCredentials {

    public static final String ISSUER = "https://issuer.test/realm";
    public static final String AUDIENCE = "threat-ingest";

    /** An API key of the test key store. */
    public record Key(String keyId, String secret, String userId, List<String> groups, List<String> roles,
            Instant expiresAt, boolean disabled) {

        public RequestSpecification given() {
            return RestAssured.given().header("api-key", keyId).header("api-secret", secret);
        }
    }

    public static final Key REPORTER = key("test-reporter", "reporter-user", List.of("soc"), List.of("reporter"), null,
            false);
    public static final Key TRUSTED = key("test-trusted", "trusted-user", List.of("intel"), List.of("trusted"), null,
            false);
    public static final Key ADMIN = key("test-admin", "admin-user", List.of("ops"), List.of("admin"), null, false);
    public static final Key DISABLED = key("test-disabled", "disabled-user", List.of("soc"), List.of("reporter"), null,
            true);
    public static final Key EXPIRED = key("test-expired", "expired-user", List.of("soc"), List.of("reporter"),
            Instant.parse("2020-01-01T00:00:00Z"), false);
    public static final List<Key> KEYS = List.of(REPORTER, TRUSTED, ADMIN, DISABLED, EXPIRED);

    public static final KeyPair RSA = generate("RSA");
    public static final KeyPair EC = generate("EC");
    public static final KeyPair FOREIGN_RSA = generate("RSA");

    private TestCredentials() {
    }

    /** A request as the reporter key: what most tests use. */
    public static RequestSpecification reporter() {
        return REPORTER.given();
    }

    private static Key key(String keyId, String userId, List<String> groups, List<String> roles, Instant expires,
            boolean disabled) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return new Key(keyId, Base64.getUrlEncoder().withoutPadding().encodeToString(secret), userId, groups, roles,
                expires, disabled);
    }

    private static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A Bearer token (RS256, groups {@code soc}) for a subject no other request uses: a caller of its own, with its
     * own rate-limit bucket, for the tests that share an application start with rate limits on
     * ({@code SmallLimitsProfile}).
     */
    public static String freshToken(String subjectPrefix, List<String> roles) {
        return rs256(claims(subjectPrefix + "-" + UUID.randomUUID(), roles, List.of("soc")));
    }

    /** A request as a caller of its own ({@link #freshToken}) holding {@code roles}. */
    public static RequestSpecification freshCaller(String subjectPrefix, String... roles) {
        return RestAssured.given().auth().oauth2(freshToken(subjectPrefix, List.of(roles)));
    }

    /** A token builder with the accepted issuer and audience and a five-minute life. */
    public static io.smallrye.jwt.build.JwtClaimsBuilder claims(String subject, List<String> roles,
            List<String> groups) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).claim("roles", roles).claim("groups", groups)
                .expiresIn(300);
    }

    public static String rs256(io.smallrye.jwt.build.JwtClaimsBuilder claims) {
        return sign(claims, SignatureAlgorithm.RS256, "rsa-1", RSA.getPrivate());
    }

    public static String es256(io.smallrye.jwt.build.JwtClaimsBuilder claims) {
        return sign(claims, SignatureAlgorithm.ES256, "ec-1", EC.getPrivate());
    }

    /** Signed with a key the service does not know, under the known RSA key id. */
    public static String foreign(io.smallrye.jwt.build.JwtClaimsBuilder claims) {
        return sign(claims, SignatureAlgorithm.RS256, "rsa-1", FOREIGN_RSA.getPrivate());
    }

    private static String sign(io.smallrye.jwt.build.JwtClaimsBuilder claims, SignatureAlgorithm algorithm, String kid,
            PrivateKey key) {
        return claims.jws().keyId(kid).algorithm(algorithm).sign(key);
    }

    /** A public key as a PEM file holds it (64-character lines between the markers). */
    public static String pem(java.security.PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[]{ '\n' }).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The JWKS holding the public RSA and EC keys. */
    public static String jwks() {
        RSAPublicKey rsa = (RSAPublicKey) RSA.getPublic();
        ECPublicKey ec = (ECPublicKey) EC.getPublic();
        return "{\"keys\":["
                + "{\"kty\":\"RSA\",\"kid\":\"rsa-1\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\""
                + b64(rsa.getModulus(), 0)
                + "\",\"e\":\"" + b64(rsa.getPublicExponent(), 0) + "\"},"
                + "{\"kty\":\"EC\",\"kid\":\"ec-1\",\"alg\":\"ES256\",\"use\":\"sig\",\"crv\":\"P-256\",\"x\":\""
                + b64(ec.getW().getAffineX(), 32) + "\",\"y\":\"" + b64(ec.getW().getAffineY(), 32) + "\"}]}";
    }

    /** Unsigned big-endian bytes, left-padded to {@code length} when given, base64url without padding. */
    private static String b64(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (length > bytes.length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            bytes = padded;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
