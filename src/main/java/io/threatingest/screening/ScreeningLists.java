package io.threatingest.screening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.threatingest.config.IngestConfig;
import io.threatingest.domain.ScreeningAction;
import io.threatingest.domain.screening.ScreeningIndex;
import io.threatingest.domain.screening.WarningList;
import io.vertx.core.Vertx;

/**
 * The lists in force: every {@code *.json} file of {@code ingest.screening.directory}, checked every
 * {@code ingest.screening.reload-interval}. A changed, added or removed file rebuilds the whole index, swapped in at
 * once; a file that does not parse is refused with one error line and the previous version of that list stays in
 * force. The last good content of each file is kept compressed, so that a rebuild needs no file to be read again.
 */
@ApplicationScoped
public class ScreeningLists {

    private static final Logger LOG = Logger.getLogger(ScreeningLists.class);

    /** The index and the action of each of its lists. */
    public record Snapshot(ScreeningIndex index, ScreeningAction[] actions, long loadedAt, long loadMillis) {
    }

    private record Loaded(long modified, long size, byte[] digest, byte[] compressed, int entries) {
    }

    private final Optional<Path> directory;
    private final Map<String, ScreeningAction> actions = new HashMap<>();
    private final long interval;
    private final Vertx vertx;
    private final Map<String, Loaded> files = new TreeMap<>();
    private final Map<String, byte[]> refused = new HashMap<>();
    private final Map<String, WarningList> parsed = new HashMap<>();
    private volatile Snapshot current = new Snapshot(ScreeningIndex.EMPTY, new ScreeningAction[0], 0, 0);
    private long timer = -1;

    public ScreeningLists(IngestConfig config, Vertx vertx) {
        this.directory = config.screening().directory();
        this.vertx = vertx;
        this.interval = Math.max(100, Math.min(10_000, config.screening().reloadInterval().toMillis()));
        for (Map.Entry<String, String> action : config.screening().actions().entrySet()) {
            try {
                actions.put(action.getKey(), ScreeningAction.fromName(action.getValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ingest.screening.actions." + action.getKey() + ": "
                        + e.getMessage());
            }
        }
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 20) StartupEvent event) {
        if (directory.isEmpty()) {
            return;
        }
        reload();
        timer = vertx.setPeriodic(interval, id -> vertx.executeBlocking(() -> {
            reload();
            return null;
        }, false));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    public Snapshot current() {
        return current;
    }

    /** The action configured for a list key ({@code report} when none is). */
    public ScreeningAction action(String key) {
        return actions.getOrDefault(key, ScreeningAction.REPORT);
    }

    /** Checks the directory once; rebuilds and swaps the index when anything changed. */
    public synchronized void reload() {
        Path dir = directory.orElseThrow();
        Map<String, Path> present = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : stream) {
                if (Files.isRegularFile(file)) {
                    String name = file.getFileName().toString();
                    present.put(name.substring(0, name.length() - ".json".length()), file);
                }
            }
        } catch (IOException e) {
            LOG.errorf("screening: directory %s cannot be read, the lists in force stay: %s", dir, e.getMessage());
            return;
        }
        boolean changed = files.keySet().retainAll(present.keySet());
        refused.keySet().retainAll(present.keySet());
        for (Map.Entry<String, Path> file : present.entrySet()) {
            changed |= check(file.getKey(), file.getValue());
        }
        if (changed || current.loadedAt() == 0) {
            rebuild();
        }
    }

    private boolean check(String key, Path file) {
        Loaded known = files.get(key);
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            long size = Files.size(file);
            if (known != null && known.modified() == modified && known.size() == size) {
                return false;
            }
            byte[] content = Files.readAllBytes(file);
            byte[] digest = sha256(content);
            if (known != null && Arrays.equals(known.digest(), digest)) {
                files.put(key, new Loaded(modified, size, digest, known.compressed(), known.entries()));
                return false;
            }
            if (Arrays.equals(refused.get(key), digest)) {
                return false;
            }
            WarningList list;
            try {
                list = ListFile.parse(key, content);
                ScreeningIndex.check(list);
            } catch (IllegalArgumentException e) {
                refused.put(key, digest);
                LOG.errorf("screening: list %s (%s) refused, %s: %s", key, file, known == null
                        ? "it is not loaded"
                        : "its previous version stays in force", e.getMessage());
                return false;
            }
            refused.remove(key);
            parsed.put(key, list);
            files.put(key, new Loaded(modified, size, digest, compress(content), list.entries().size()));
            return true;
        } catch (NoSuchFileException e) {
            return files.remove(key) != null;
        } catch (IOException e) {
            LOG.errorf("screening: list %s (%s) cannot be read: %s", key, file, e.getMessage());
            return false;
        }
    }

    private void rebuild() {
        long started = System.nanoTime();
        List<WarningList> lists = new ArrayList<>(files.size());
        for (Map.Entry<String, Loaded> file : files.entrySet()) {
            WarningList list = parsed.get(file.getKey());
            lists.add(list != null ? list : ListFile.parse(file.getKey(), decompress(file.getValue().compressed())));
        }
        parsed.clear();
        ScreeningIndex index;
        try {
            index = ScreeningIndex.build(lists);
        } catch (IllegalArgumentException e) {
            LOG.errorf("screening: lists not rebuilt, the lists in force stay: %s", e.getMessage());
            return;
        }
        ScreeningAction[] listActions = index.lists().stream().map(l -> action(l.key()))
                .toArray(ScreeningAction[]::new);
        long millis = (System.nanoTime() - started) / 1_000_000;
        current = new Snapshot(index, listActions, System.currentTimeMillis(), millis);
        LOG.infof("screening: %d lists in force, %d entries, index of %d MB built in %d ms", index.lists().size(),
                index.entries(), index.bytes() >> 20, millis);
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] compress(byte[] content) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 4 + 64);
        byte[] buffer = new byte[65536];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] decompress(byte[] compressed) {
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
        byte[] buffer = new byte[65536];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }
}
