package io.threatingest.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.threatingest.security.ApiKeyStoreFiles;

/**
 * Authentication for a test application: a JWKS served over HTTP on a free port (so the JWKS-URL path is the
 * one exercised) and a key store file with the keys of {@link TestCredentials}, reloaded every 200 ms.
 */
public class AuthFixtureResource implements QuarkusTestResourceLifecycleManager {

    private HttpServer jwks;
    private Path keyFile;

    @Override
    public Map<String, String> start() {
        try {
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = TestCredentials.jwks().getBytes(StandardCharsets.UTF_8);
            jwks.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            jwks.start();
            keyFile = Files.createTempFile("threat-ingest-keys", ".jsonl");
            Files.writeString(keyFile, ApiKeyStoreFiles.content(TestCredentials.KEYS));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "mp.jwt.verify.publickey.location", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json",
                "mp.jwt.verify.issuer", TestCredentials.ISSUER,
                "mp.jwt.verify.audiences", TestCredentials.AUDIENCE,
                "ingest.auth.api-keys-file", keyFile.toString(),
                "ingest.auth.reload-interval", "200ms");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(keyFile, new TestInjector.AnnotatedAndMatchesType(InjectKeyFile.class, Path.class));
    }

    @Override
    public void stop() {
        jwks.stop(0);
        try {
            Files.deleteIfExists(keyFile);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
