package io.threatingest.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code import}: sends files of indicators (text, CSV, NDJSON entity trees, STIX 2.1 bundles, MISP events) to a
 * running service, chunk by chunk, each chunk with an {@code Idempotency-Key} derived from the file, the format,
 * the chunk's place and its bytes, so that an import run again after an interruption is answered from the first
 * answers for the chunks already done and publishes nothing twice. Plain Java: runs without starting Quarkus.
 *
 * <pre>java -jar quarkus-run.jar import --url https://ingest.example.org --api-key K --api-secret S iocs.txt</pre>
 */
public final class ImportCommand {

    static final String KEY_PREFIX = "ti-import-";
    static final String TAXII = "application/taxii+json;version=2.1";

    private final ImportOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper json = new ObjectMapper();
    private final Tally tally = new Tally();
    private Progress progress;
    private RejectWriter rejects;
    private Sender sender;
    /** With {@code --collection}: the collection's objects endpoint, found once before the first chunk. */
    private URI taxiiObjects;

    private final Sender.Sleeper sleeper;

    private ImportCommand(ImportOptions options, PrintStream out, PrintStream err, Sender.Sleeper sleeper) {
        this.sleeper = sleeper;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** Runs the command with the process's environment and terminal; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err, terminal());
    }

    /**
     * Runs the command; returns the exit code: 0 everything accepted, 1 something refused, not mapped or
     * unavailable (or the run stopped early), 2 a usage error or the service could not be reached.
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
            boolean terminal) {
        return run(args, env, out, err, terminal, duration -> Thread.sleep(duration.toMillis()));
    }

    /** As {@link #run(String[], Map, PrintStream, PrintStream, boolean)}, with the waits made by {@code sleeper}. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean terminal,
            Sender.Sleeper sleeper) {
        ImportOptions options;
        try {
            options = ImportOptions.parse(args, env, terminal);
        } catch (ImportOptions.HelpRequested help) {
            out.println(ImportOptions.USAGE);
            return 0;
        } catch (ImportOptions.UsageException e) {
            err.println("import: " + e.getMessage());
            err.println("run 'import --help' for the usage");
            return 2;
        }
        try {
            return new ImportCommand(options, out, err, sleeper).importAll();
        } catch (ImportOptions.UsageException e) {
            err.println("import: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("import: interrupted");
            return 2;
        } catch (IOException e) {
            err.println("import: " + e.getMessage());
            return 2;
        }
    }

    /** Whether stderr is a terminal: {@code System.console()}, and on JDK 22+ {@code Console.isTerminal()}. */
    static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private int importAll() throws IOException, InterruptedException, ImportOptions.UsageException {
        FormatDetector detector = new FormatDetector(json);
        List<FormatDetector.Guess> guesses = new ArrayList<>();
        long totalBytes = 0;
        for (Path file : options.files()) {
            guesses.add(options.format() != null
                    ? new FormatDetector.Guess(options.format(), "--format")
                    : detector.detect(file));
            totalBytes += Files.size(file);
        }
        if (options.collection() != null) {
            for (int f = 0; f < guesses.size(); f++) {
                FormatDetector.Guess guess = guesses.get(f);
                if (guess.format() != Format.STIX) {
                    throw new ImportOptions.UsageException(options.files().get(f) + " is " + guess.format().label()
                            + " (" + guess.why() + "): --collection sends STIX 2.1 bundles only; import this file "
                            + "without --collection");
                }
            }
        }
        progress = new Progress(options.progress(), err, options.progressInterval(), totalBytes);
        sender = new Sender(options.url(), options.credentials(), options.maxWait(), Duration.ofSeconds(120),
                sleeper, progress::notice);
        if (options.collection() != null) {
            try {
                taxiiObjects = taxiiObjects();
            } catch (Sender.Unreachable e) {
                err.println("import: the service could not be reached: " + e.getMessage());
                return 2;
            }
        }
        boolean stopped = false;
        String abort = null;
        int abortCode = 0;
        try (RejectWriter writer = new RejectWriter(options.rejects(), json)) {
            rejects = writer;
            files : for (int f = 0; f < options.files().size(); f++) {
                Path file = options.files().get(f);
                FormatDetector.Guess guess = guesses.get(f);
                err.println("import: " + file + ": " + guess.format().label() + " (" + guess.why() + ") -> "
                        + (taxiiObjects != null ? taxiiObjects : guess.format().path));
                String fileHash = sha256(file);
                String query = guess.format() == Format.TEXT || guess.format() == Format.CSV
                        ? options.extractQuery()
                        : "";
                // the collection is part of the key: the same file sent to another collection is a new request
                String keyQuery = taxiiObjects != null ? query + "\ntaxii collection " + options.collection() : query;
                try (Chunker chunker = chunker(file, guess.format())) {
                    Chunk chunk;
                    while ((chunk = chunker.next()) != null) {
                        if (options.stopAfterChunks() > 0 && tally.chunks >= options.stopAfterChunks()) {
                            stopped = true;
                            break files;
                        }
                        String key = key(fileHash, guess.format(), keyQuery, chunk);
                        String failure = send(file, guess.format(), query, chunker, chunk, key);
                        if (failure != null) {
                            abort = failure;
                            abortCode = 2;
                            break files;
                        }
                        tally.bytesRead += chunk.sourceBytes();
                        progress.update(tally);
                    }
                }
                tally.filesDone++;
            }
        } catch (Sender.Unreachable e) {
            abort = "the service could not be reached: " + e.getMessage();
            abortCode = 2;
        }
        progress.finish(tally);
        if (abort != null) {
            err.println("import: " + abort);
        }
        if (stopped) {
            err.println("import: stopped after " + tally.chunks + " chunks (--stop-after-chunks); run the same "
                    + "command again to send the rest: the chunks already sent are answered from the service's "
                    + "memory of their keys");
        }
        summary();
        if (abortCode != 0) {
            return abortCode;
        }
        return stopped || tally.refused() > 0 ? 1 : 0;
    }

    private Chunker chunker(Path file, Format format) throws IOException {
        return switch (format) {
            case TEXT, CSV, NDJSON -> new LineChunker(file, format, options.chunkSizes().lines(),
                    options.chunkSizes().bytes());
            case STIX -> new StixChunker(file, json, options.chunkSizes().stixObjects(),
                    options.chunkSizes().stixBytes());
            case MISP -> new MispChunker(file, json, options.chunkSizes().lines());
        };
    }

    /** Sends a chunk and books its answer; returns why the import must stop, or {@code null}. */
    private String send(Path file, Format format, String query, Chunker chunker, Chunk chunk, String key)
            throws Sender.Unreachable, InterruptedException, IOException {
        if (format != Format.NDJSON && chunk.origin() == Chunk.Origin.NONE && LineChunker.blank(chunk.body())) {
            tally.chunks++;
            return null; // blank lines only: nothing to find
        }
        Sender.Answer answer = post(format, query, chunk.body(), key);
        tally.chunks++;
        if (answer.replayed()) {
            tally.replayedChunks++;
        }
        if (answer.status() == 401 || (answer.status() == 403 && taxiiObjects == null)) {
            return "the service refused the credentials (" + answer.status() + ": "
                    + (answer.error() == null ? "no reason given" : answer.error()) + ")";
        }
        if (taxiiObjects != null && (answer.status() == 403 || answer.status() == 404)) {
            return "TAXII collection " + options.collection() + " (" + taxiiObjects + "): " + answer.status() + " "
                    + taxiiError(answer);
        }
        List<Answers.Item> items = items(format, chunk.body(), answer);
        if (items == null || !(answer.status() / 100 == 2 || answer.status() == 400 || answer.status() == 503)) {
            tally.refusedChunks++;
            ObjectNode line = rejects.entry(file, chunk);
            line.put("where", chunk.where());
            rejects.write(line, "refused", "HTTP " + answer.status() + ": "
                    + (taxiiObjects != null
                            ? taxiiError(answer)
                            : answer.error() == null ? "no reason given" : answer.error()));
            return null;
        }
        List<Answers.Item> unavailable = new ArrayList<>();
        for (Answers.Item item : items) {
            if (format == Format.STIX && !primary(chunk, item)) {
                continue;
            }
            tally.sent++;
            if (Answers.UNAVAILABLE.equals(item.status())) {
                unavailable.add(item);
            } else {
                book(file, format, chunk, item, item.status(), item.reason());
            }
        }
        if (!unavailable.isEmpty()) {
            retryUnavailable(file, format, query, chunker, chunk, key, unavailable);
        }
        return null;
    }

    /**
     * Items a 202 reported unavailable are sent once more in a request of their own (its own key, derived from the
     * chunk's), then booked as that answer says; those still unavailable go to the rejects file.
     */
    private void retryUnavailable(Path file, Format format, String query, Chunker chunker, Chunk chunk, String key,
            List<Answers.Item> unavailable) throws Sender.Unreachable, InterruptedException, IOException {
        byte[] body = chunker.retryBody(chunk, unavailable);
        Map<String, Answers.Item> again = new HashMap<>();
        List<Answers.Item> againByIndex = List.of();
        if (body != null) {
            progress.notice(unavailable.size() + " items of chunk " + chunk.index() + " of " + file
                    + " were unavailable; sending them once more");
            Sender.Answer answer = post(format, query, body,
                    KEY_PREFIX + hex(digest((key + "\nunavailable\n" + hex(digest(body))).getBytes(
                            StandardCharsets.UTF_8))));
            List<Answers.Item> items = items(format, body, answer);
            if (items != null) {
                againByIndex = items;
                for (Answers.Item item : items) {
                    again.putIfAbsent(matchKey(format, item), item);
                }
            }
        }
        for (int i = 0; i < unavailable.size(); i++) {
            Answers.Item item = unavailable.get(i);
            Answers.Item retried = format == Format.NDJSON
                    ? (i < againByIndex.size() ? againByIndex.get(i) : null)
                    : again.get(matchKey(format, item));
            if (retried == null) {
                book(file, format, chunk, item, Answers.UNAVAILABLE,
                        item.reason() == null ? "the broker did not take it" : item.reason());
            } else {
                book(file, format, chunk, item, retried.status(), retried.reason());
            }
        }
    }

    private static String matchKey(Format format, Answers.Item item) {
        return switch (format) {
            case TEXT, CSV -> item.kind() + "\n" + item.value();
            default -> item.ref() + "\n" + item.kind();
        };
    }

    private static boolean primary(Chunk chunk, Answers.Item item) {
        boolean[] primary = chunk.origin().primary();
        return primary == null || item.index() < 0 || item.index() >= primary.length || primary[item.index()];
    }

    /** Counts an item's final status and writes it to the rejects file unless accepted. */
    private void book(Path file, Format format, Chunk chunk, Answers.Item item, String status, String reason)
            throws IOException {
        switch (status == null ? "" : status) {
            case Answers.ACCEPTED -> {
                tally.accepted++;
                return;
            }
            case Answers.REJECTED -> tally.rejected++;
            case Answers.NOT_MAPPED -> tally.notMapped++;
            default -> tally.unavailable++;
        }
        ObjectNode line = rejects.entry(file, chunk);
        switch (format) {
            case TEXT, CSV -> {
                line.put("where", chunk.where());
                line.put("type", item.kind());
                line.put("value", item.value());
                line.put("found", item.ref());
            }
            case NDJSON -> {
                int[] lines = chunk.origin().lines();
                if (lines != null && item.index() >= 0 && item.index() < lines.length) {
                    line.put("line", lines[item.index()]);
                }
                line.put("item", item.index());
            }
            case STIX -> {
                int[] objects = chunk.origin().objects();
                line.put("ref", item.ref());
                line.put("kind", item.kind());
                if (objects != null && item.index() >= 0 && item.index() < objects.length) {
                    line.put("pointer", "/objects/" + objects[item.index()]);
                } else {
                    line.put("pointer", item.pointer());
                }
            }
            case MISP -> {
                line.put("ref", item.ref());
                line.put("kind", item.kind());
                line.put("pointer", MispChunker.filePointer(chunk, item.pointer()));
            }
        }
        rejects.write(line, status, reason);
    }

    /** Posts a chunk's body: to the format's endpoint, or (a bundle) as a TAXII envelope to the collection. */
    private Sender.Answer post(Format format, String query, byte[] body, String key)
            throws Sender.Unreachable, InterruptedException, IOException {
        if (taxiiObjects == null) {
            return sender.post(format.path + query, format.contentType, body, key);
        }
        return sender.post(taxiiObjects, TAXII, TAXII, envelope(body), key);
    }

    /** The items of an answer: the service's own answer, or a TAXII status read against the objects sent. */
    private List<Answers.Item> items(Format format, byte[] sent, Sender.Answer answer) {
        JsonNode body = parse(answer.body());
        if (taxiiObjects == null) {
            return Answers.items(format, body);
        }
        return answer.status() / 100 == 2
                ? Answers.taxiiItems(parse(new String(sent, StandardCharsets.UTF_8)), body)
                : null;
    }

    /** A bundle's objects as a TAXII envelope: {@code {"objects": [...]}}. */
    private byte[] envelope(byte[] bundle) throws IOException {
        JsonNode parsed = json.readTree(bundle);
        JsonNode objects = parsed == null ? null : parsed.get("objects");
        ObjectNode envelope = json.createObjectNode();
        envelope.set("objects", objects != null && objects.isArray() ? objects : json.createArrayNode());
        return json.writeValueAsBytes(envelope);
    }

    /**
     * The collection's objects endpoint under the API root: {@code --api-root} (a URL, or a segment under
     * {@code <url>/taxii2/}), else the {@code default} of the discovery resource {@code GET <url>/taxii2/}.
     */
    private URI taxiiObjects() throws Sender.Unreachable, InterruptedException, ImportOptions.UsageException {
        String root = options.apiRoot();
        if (root == null) {
            URI discovery = URI.create(options.url() + "/taxii2/");
            Sender.Answer answer = sender.get(discovery, TAXII);
            if (answer.status() == 401 || answer.status() == 403) {
                throw new ImportOptions.UsageException("the service refused the credentials (" + answer.status()
                        + ": " + taxiiError(answer) + ")");
            }
            JsonNode body = parse(answer.body());
            if (answer.status() != 200 || body == null || !body.isObject()) {
                throw new ImportOptions.UsageException("TAXII discovery " + discovery + " answered "
                        + answer.status() + ": " + taxiiError(answer) + "; is this a threat-ingest service with "
                        + "TAXII 2.1? (--api-root names the API root directly)");
            }
            JsonNode named = body.get("default");
            JsonNode roots = body.get("api_roots");
            if ((named == null || !named.isTextual()) && roots != null && roots.isArray() && roots.size() == 1) {
                named = roots.get(0);
            }
            if (named == null || !named.isTextual() || named.asText().isBlank()) {
                throw new ImportOptions.UsageException("TAXII discovery " + discovery + " names no default API "
                        + "root; give one with --api-root");
            }
            root = discovery.resolve(named.asText()).toString();
        } else if (!root.matches("(?i)https?://.+")) {
            root = options.url() + "/taxii2/" + root.replace("/", "") + "/";
        }
        try {
            URI api = URI.create(root.endsWith("/") ? root : root + "/");
            return api.resolve("collections/" + options.collection() + "/objects/");
        } catch (IllegalArgumentException e) {
            throw new ImportOptions.UsageException("the TAXII API root is not a valid URL: " + root);
        }
    }

    /** A TAXII error's {@code description} (else its {@code title}, else the {@code x-error} header). */
    private String taxiiError(Sender.Answer answer) {
        JsonNode body = parse(answer.body());
        for (String field : List.of("description", "title")) {
            JsonNode value = body == null ? null : body.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return answer.error() == null ? "no reason given" : answer.error();
    }

    private void summary() {
        Duration time = progress.elapsed();
        StringBuilder line = new StringBuilder();
        line.append("accepted ").append(tally.accepted).append(", rejected ").append(tally.rejected)
                .append(", not mapped ").append(tally.notMapped).append(", unavailable ").append(tally.unavailable);
        if (tally.refusedChunks > 0) {
            line.append(", refused chunks ").append(tally.refusedChunks);
        }
        line.append(", files ").append(tally.filesDone).append(", chunks ").append(tally.chunks);
        if (tally.replayedChunks > 0) {
            line.append(" (").append(tally.replayedChunks).append(" replayed)");
        }
        line.append(", time ").append(String.format(Locale.ROOT, "%.1f s", time.toMillis() / 1000.0));
        out.println(line);
        out.println(rejects.written() == 0
                ? "rejects: none"
                : "rejects: " + rejects.path() + " (" + rejects.written() + " lines)");
        out.flush();
    }

    private JsonNode parse(String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The chunk's {@code Idempotency-Key}: a SHA-256 of the file's SHA-256, the format, the request path and query
     * (reputation and tags are part of what the service fingerprints), the chunk's index and its bytes' SHA-256.
     */
    static String key(String fileHash, Format format, String query, Chunk chunk) {
        String material = fileHash + "\n" + format.label() + "\n" + format.path + query + "\n" + chunk.index() + "\n"
                + hex(digest(chunk.body()));
        return KEY_PREFIX + hex(digest(material.getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest sha = sha();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return hex(sha.digest());
    }

    private static byte[] digest(byte[] bytes) {
        return sha().digest(bytes);
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
