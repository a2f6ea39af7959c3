package io.threatingest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.threatingest.support.TestCredentials;

/**
 * A token signed by the configured key verifies whatever the order of the allowed algorithm set, which smallrye-jwt
 * iterates in an order that changes between starts: each case runs with RS256 first and with ES256 first, so a key
 * decoded as the first algorithm's type fails one of them.
 */
class TokenKeyAlgorithmsTest {

    private static final List<SignatureAlgorithm> RS_FIRST = List.of(SignatureAlgorithm.RS256,
            SignatureAlgorithm.ES256);
    private static final List<SignatureAlgorithm> ES_FIRST = List.of(SignatureAlgorithm.ES256,
            SignatureAlgorithm.RS256);

    @TempDir
    Path dir;

    static Stream<Arguments> keysTokensAndOrders() {
        String rsaPem = TestCredentials.pem(TestCredentials.RSA.getPublic());
        String ecPem = TestCredentials.pem(TestCredentials.EC.getPublic());
        String jwks = TestCredentials.jwks();
        io.vertx.core.json.JsonArray keys = new io.vertx.core.json.JsonObject(jwks).getJsonArray("keys");
        String rsaJwk = keys.getJsonObject(0).encode();
        String ecJwk = keys.getJsonObject(1).encode();
        String rs = TestCredentials.rs256(TestCredentials.claims("rsa-user", List.of("reporter"), List.of("soc")));
        String es = TestCredentials.es256(TestCredentials.claims("ec-user", List.of("reporter"), List.of("soc")));
        return Stream.of(RS_FIRST, ES_FIRST).flatMap(order -> Stream.of(
                Arguments.of("RSA PEM", rsaPem, rs, "rsa-user", order),
                Arguments.of("EC PEM", ecPem, es, "ec-user", order),
                Arguments.of("RSA JWK", rsaJwk, rs, "rsa-user", order),
                Arguments.of("EC JWK", ecJwk, es, "ec-user", order),
                Arguments.of("JWKS, RSA token", jwks, rs, "rsa-user", order),
                Arguments.of("JWKS, EC token", jwks, es, "ec-user", order)));
    }

    @ParameterizedTest(name = "{0}, allowed {4}")
    @MethodSource("keysTokensAndOrders")
    void aTokenOfTheConfiguredKeyVerifiesInEitherOrderAsAFile(String kind, String key, String token, String subject,
            List<SignatureAlgorithm> order) throws Exception {
        Path file = Files.writeString(dir.resolve("key"), key);
        JWTAuthContextInfo settings = settings(order);
        settings.setPublicKeyLocation(file.toString());
        assertEquals(subject,
                new DefaultJWTParser(TokenVerificationContext.withKeyAlgorithms(settings, null)).parse(token)
                        .getSubject(),
                kind);
    }

    @ParameterizedTest(name = "{0}, allowed {4}")
    @MethodSource("keysTokensAndOrders")
    void aTokenOfTheConfiguredKeyVerifiesInEitherOrderAsContent(String kind, String key, String token,
            String subject, List<SignatureAlgorithm> order) throws Exception {
        JWTAuthContextInfo settings = settings(order);
        settings.setPublicKeyContent(key);
        assertEquals(subject,
                new DefaultJWTParser(TokenVerificationContext.withKeyAlgorithms(settings, null)).parse(token)
                        .getSubject(),
                kind);
    }

    @Test
    void aPemKeyNarrowsTheSetToItsOwnAlgorithmsInDeclarationOrder() {
        Set<SignatureAlgorithm> allowed = new LinkedHashSet<>(List.of(SignatureAlgorithm.PS256,
                SignatureAlgorithm.ES256, SignatureAlgorithm.RS256));
        assertEquals(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.PS256), List.copyOf(VerificationKeyAlgorithms
                .forKey(TestCredentials.pem(TestCredentials.RSA.getPublic()), allowed, "test")));
        assertEquals(List.of(SignatureAlgorithm.ES256), List.copyOf(VerificationKeyAlgorithms
                .forKey(TestCredentials.pem(TestCredentials.EC.getPublic()), allowed, "test")));
        assertEquals(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256), List.copyOf(VerificationKeyAlgorithms
                .forKey(TestCredentials.jwks(), allowed, "test")));
    }

    @Test
    void aKeyThatFitsNoAllowedAlgorithmIsRefusedNamingTheSetting() {
        JWTAuthContextInfo settings = settings(List.of(SignatureAlgorithm.RS256));
        settings.setPublicKeyContent(TestCredentials.pem(TestCredentials.EC.getPublic()));
        RuntimeException refused = assertThrows(VerificationKeyAlgorithms.UnusableKeyException.class,
                () -> TokenVerificationContext.withKeyAlgorithms(settings, null));
        assertTrue(refused.getMessage().contains("mp.jwt.verify.publickey.algorithm"), refused.getMessage());
        assertTrue(refused.getMessage().contains("ES256"), refused.getMessage());
    }

    @Test
    void aKeyThatCannotBeReadOrIsNoKeyIsRefusedNamingTheSetting() throws Exception {
        JWTAuthContextInfo missing = settings(RS_FIRST);
        missing.setPublicKeyLocation(dir.resolve("absent.pem").toString());
        RuntimeException unreadable = assertThrows(VerificationKeyAlgorithms.UnusableKeyException.class,
                () -> TokenVerificationContext.withKeyAlgorithms(missing, null));
        assertTrue(unreadable.getMessage().contains("mp.jwt.verify.publickey.location="), unreadable.getMessage());

        JWTAuthContextInfo placeholder = settings(RS_FIRST);
        placeholder.setPublicKeyLocation(Files.writeString(dir.resolve("placeholder.pem"),
                "-----BEGIN PUBLIC KEY-----\nreplace with the issuer's public key\n-----END PUBLIC KEY-----\n")
                .toString());
        RuntimeException notAKey = assertThrows(VerificationKeyAlgorithms.UnusableKeyException.class,
                () -> TokenVerificationContext.withKeyAlgorithms(placeholder, null));
        assertTrue(notAKey.getMessage().contains("neither a PEM public key"), notAKey.getMessage());

        // smallrye-jwt reads a file location into the content and keeps no location: the message still names it
        JWTAuthContextInfo alreadyRead = settings(RS_FIRST);
        alreadyRead.setPublicKeyContent("-----BEGIN PUBLIC KEY-----replace me-----END PUBLIC KEY-----");
        RuntimeException named = assertThrows(VerificationKeyAlgorithms.UnusableKeyException.class,
                () -> TokenVerificationContext.withKeyAlgorithms(alreadyRead, "/etc/threat-ingest/key.pem"));
        assertTrue(named.getMessage().contains("mp.jwt.verify.publickey.location=/etc/threat-ingest/key.pem"),
                named.getMessage());
    }

    @Test
    void aJwksUrlKeepsEveryAllowedAlgorithmInDeclarationOrder() {
        JWTAuthContextInfo settings = settings(ES_FIRST);
        settings.setPublicKeyLocation("https://issuer.example.org/jwks.json");
        assertEquals(RS_FIRST, List.copyOf(TokenVerificationContext.withKeyAlgorithms(settings, null)
                .getSignatureAlgorithm()));
    }

    private static JWTAuthContextInfo settings(List<SignatureAlgorithm> order) {
        JWTAuthContextInfo settings = new JWTAuthContextInfo();
        settings.setIssuedBy(TestCredentials.ISSUER);
        settings.setExpectedAudience(Set.of(TestCredentials.AUDIENCE));
        settings.setSignatureAlgorithm(new LinkedHashSet<>(order));
        return settings;
    }
}
