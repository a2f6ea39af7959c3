package io.threatingest.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.threatingest.config.IngestConfig;

/**
 * In the local and dev profiles only ({@code ingest.auth.demo-key=true}), a key pair with every role exists in
 * memory for as long as the process runs. It is printed once to the console (not to the log), so that the
 * service can be tried at once; production profiles never have it.
 */
@ApplicationScoped
public class DemoKey {

    private final IngestConfig config;
    private final ApiKeyStore store;

    public DemoKey(IngestConfig config, ApiKeyStore store) {
        this.config = config;
        this.store = store;
    }

    void create(@Observes StartupEvent event) {
        if (!config.auth().demoKey()) {
            return;
        }
        SecureRandom random = new SecureRandom();
        byte[] id = new byte[4];
        byte[] secretBytes = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secretBytes);
        String keyId = "demo-" + HexFormat.of().formatHex(id);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        store.setDemoKey(new ApiKey(keyId, Argon2id.hash(secret), "demo", List.of("public"), Roles.ALL, null, false));
        System.out.printf("%n  Demo API key (in memory, this run only; never in production profiles):%n"
                + "    api-key:    %s%n    api-secret: %s%n%n", keyId, secret);
    }
}
