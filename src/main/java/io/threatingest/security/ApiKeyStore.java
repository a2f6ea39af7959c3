package io.threatingest.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.threatingest.config.IngestConfig;
import io.vertx.core.Vertx;

/**
 * The API keys, read from {@code ingest.auth.api-keys-file} (one JSON object per line, {@code #} comments) and
 * read again whenever the file's content changes, polled every {@code ingest.auth.reload-interval}: a mounted
 * Kubernetes Secret changes by an atomic symlink swap that file watches miss. A file with any invalid line is
 * refused as a whole: at start the service does not start, on reload the previous keys stay in force.
 */
@ApplicationScoped
public class ApiKeyStore {

    private static final Logger LOG = Logger.getLogger(ApiKeyStore.class);

    /** One line of the key store file, read with Jackson outside the REST layer (hence registered for native). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    @RegisterForReflection
    record Line(String keyId, String secretHash, String userId, List<String> groups, List<String> roles,
            Instant expiresAt, Boolean disabled) {
    }

    private final IngestConfig.Auth config;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final List<Runnable> reloadListeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, ApiKey> keys = Map.of();
    private volatile ApiKey demoKey;
    private byte[] lastContent;
    private long timer = -1;

    public ApiKeyStore(IngestConfig config, ObjectMapper json, Vertx vertx) {
        this.config = config.auth();
        this.json = json;
        this.vertx = vertx;
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10) StartupEvent event) throws IOException {
        Optional<Path> file = config.apiKeysFile();
        if (file.isEmpty()) {
            return;
        }
        byte[] content = Files.readAllBytes(file.get());
        replace(parse(content, file.get()), content);
        LOG.infof("Loaded %d API keys from %s", keys.size(), file.get());
        timer = vertx.setPeriodic(Math.max(100, config.reloadInterval().toMillis()),
                id -> vertx.executeBlocking(() -> {
                    reloadIfChanged(file.get());
                    return null;
                }, false));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Called after every successful reload (and demo key change), e.g. to drop cached verifications. */
    public void onReload(Runnable listener) {
        reloadListeners.add(listener);
    }

    /** One of the loaded keys, if any. */
    Optional<ApiKey> anyKey() {
        return keys.values().stream().findFirst();
    }

    public Optional<ApiKey> find(String keyId) {
        ApiKey demo = demoKey;
        if (demo != null && demo.keyId().equals(keyId)) {
            return Optional.of(demo);
        }
        return Optional.ofNullable(keys.get(keyId));
    }

    /** Adds the in-memory demo key of the local and dev profiles; it is never written anywhere. */
    void setDemoKey(ApiKey key) {
        demoKey = key;
        reloadListeners.forEach(Runnable::run);
    }

    synchronized void reloadIfChanged(Path file) {
        try {
            byte[] content = Files.readAllBytes(file);
            if (Arrays.equals(content, lastContent)) {
                return;
            }
            Map<String, ApiKey> loaded = parse(content, file);
            replace(loaded, content);
            LOG.infof("Reloaded the API key store: %d keys", loaded.size());
        } catch (IOException | IllegalArgumentException e) {
            LOG.errorf("API key store %s not reloaded, the previous keys stay in force: %s", file, e.getMessage());
        }
    }

    private synchronized void replace(Map<String, ApiKey> loaded, byte[] content) {
        keys = Map.copyOf(loaded);
        lastContent = content;
        reloadListeners.forEach(Runnable::run);
    }

    private Map<String, ApiKey> parse(byte[] content, Path file) {
        Map<String, ApiKey> loaded = new HashMap<>();
        String[] lines = new String(content, java.nio.charset.StandardCharsets.UTF_8).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            ApiKey key = toKey(line, file, i + 1);
            if (loaded.put(key.keyId(), key) != null) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": duplicate keyId " + key.keyId());
            }
        }
        return loaded;
    }

    private ApiKey toKey(String text, Path file, int lineNumber) {
        String where = file + " line " + lineNumber + ": ";
        Line line;
        try {
            line = json.readValue(text, Line.class);
        } catch (IOException e) {
            // The parser's message could quote the line; keep the file's content out of the logs.
            throw new IllegalArgumentException(where + "not a JSON object with the key store fields");
        }
        if (blank(line.keyId()) || blank(line.userId()) || line.secretHash() == null
                || !line.secretHash().startsWith("$argon2id$")) {
            throw new IllegalArgumentException(where + "keyId, userId and an Argon2id secretHash are required");
        }
        Set<String> roles = new HashSet<>(line.roles() == null ? List.of() : line.roles());
        if (!Roles.ALL.containsAll(roles)) {
            roles.removeAll(Roles.ALL);
            throw new IllegalArgumentException(where + "unknown roles " + roles);
        }
        return new ApiKey(line.keyId(), line.secretHash(), line.userId(),
                line.groups() == null ? List.of() : line.groups(), roles, line.expiresAt(),
                Boolean.TRUE.equals(line.disabled()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
