package io.threatingest.importer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The parsed command line of {@code import}; {@link #parse} throws {@link UsageException} for anything wrong. */
record ImportOptions(URI url, Credentials credentials, Format format, Integer reputation,
        List<String> tags, int chunkLines, long chunkBytes, int stixObjects, long stixBytes, Path rejects,
        Progress.Mode progress, Duration progressInterval, int stopAfterChunks, Duration maxWait, List<Path> files,
        String collection,
        String apiRoot) {

    static final String USAGE = """
            usage: import --url <service URL> (--token <JWT> | --api-key <id> --api-secret <secret>) [options] FILE...

              --url URL                 the service, e.g. https://ingest.example.org
              --token T | --token-file F                  Bearer token (or THREAT_INGEST_TOKEN)
              --api-key K               API key id (or THREAT_INGEST_API_KEY)
              --api-secret S | --api-secret-file F        API secret (or THREAT_INGEST_API_SECRET)
              --format F                text, csv, ndjson, stix or misp (default: guessed per file)
              --reputation N            -3..3, for every indicator found in text and CSV files
              --tag T                   a tag for every indicator found in text and CSV files (repeatable)
              --chunk-size N            lines per request for text, CSV and NDJSON (default 1000),
                                        objects per request for STIX (default 1000)
              --chunk-bytes N           bytes per request (default 1048576; STIX 2097152)
              --rejects FILE            where refused items go (default <first file>.rejects.ndjson)
              --progress bar|lines|none progress on stderr (default: bar on a terminal, else lines)
              --progress-interval S     seconds between progress lines (default 5)
              --max-wait S              longest Retry-After honoured, in seconds (default 60)
              --stop-after-chunks N     send N chunks, then stop as if interrupted (to try restarts)
              --collection ID           send STIX files to this TAXII 2.1 collection (its objects endpoint)
                                        instead of /api/ingest/v1/stix; other formats are refused
              --api-root URL|SEGMENT    the TAXII API root (default: the 'default' of GET <url>/taxii2/)
              --help                    this text

            exit codes: 0 everything accepted, 1 something refused, not mapped or unavailable,
                        2 usage error or the service could not be reached""";

    static final int DEFAULT_LINES = 1000;
    static final long DEFAULT_BYTES = 1 << 20;
    static final int DEFAULT_STIX_OBJECTS = 1000;
    static final long DEFAULT_STIX_BYTES = 2 << 20;
    /** Below the service's default body limit (4 MiB), leaving room for a chunk that holds one long line. */
    static final long MAX_CHUNK_BYTES = 3 << 20;

    /** Credentials; {@link #toString} never shows the secret parts. */
    record Credentials(String token, String apiKey, String apiSecret) {

        @Override
        public String toString() {
            return token != null ? "Bearer token" : "api-key " + apiKey;
        }
    }

    static final class UsageException extends Exception {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Thrown for {@code --help}. */
    static final class HelpRequested extends Exception {

        private static final long serialVersionUID = 1L;
    }

    static ImportOptions parse(String[] args, Map<String, String> env, boolean terminal)
            throws UsageException, HelpRequested {
        String url = null;
        String token = null;
        String tokenFile = null;
        String apiKey = null;
        String apiSecret = null;
        String apiSecretFile = null;
        Format format = null;
        String collection = null;
        String apiRoot = null;
        Integer reputation = null;
        List<String> tags = new ArrayList<>();
        Integer chunkSize = null;
        Long chunkBytes = null;
        Path rejects = null;
        Progress.Mode progress = terminal ? Progress.Mode.BAR : Progress.Mode.LINES;
        Duration interval = Duration.ofSeconds(5);
        Duration maxWait = Duration.ofSeconds(60);
        int stopAfter = 0;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            if (!arg.startsWith("--") || arg.equals("--")) {
                files.add(Path.of(arg));
                continue;
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--url" -> url = value;
                case "--token" -> token = value;
                case "--token-file" -> tokenFile = value;
                case "--api-key" -> apiKey = value;
                case "--api-secret" -> apiSecret = value;
                case "--api-secret-file" -> apiSecretFile = value;
                case "--format" -> format = Format.named(value);
                case "--collection" -> collection = value;
                case "--api-root" -> apiRoot = value;
                case "--reputation" -> reputation = integer(name, value, -3, 3);
                case "--tag" -> tags.add(value);
                case "--chunk-size" -> chunkSize = integer(name, value, 1, 10_000);
                case "--chunk-bytes" -> chunkBytes = (long) integer(name, value, 1024, (int) MAX_CHUNK_BYTES);
                case "--rejects" -> rejects = Path.of(value);
                case "--progress" -> progress = Progress.Mode.named(value);
                case "--progress-interval" -> interval = seconds(name, value);
                case "--max-wait" -> maxWait = seconds(name, value);
                case "--stop-after-chunks" -> stopAfter = integer(name, value, 1, Integer.MAX_VALUE);
                default -> throw new UsageException("unknown option " + name);
            }
        }
        if (collection != null && (collection.isBlank() || !collection.matches("[A-Za-z0-9._~-]+"))) {
            throw new UsageException("--collection must be a collection id (a UUID)");
        }
        if (apiRoot != null && collection == null) {
            throw new UsageException("--api-root is only used with --collection");
        }
        if (apiRoot != null && (apiRoot.isBlank() || !(apiRoot.matches("(?i)https?://.+")
                || apiRoot.matches("/?[A-Za-z0-9._~-]+/?")))) {
            throw new UsageException("--api-root must be an http(s) URL or one path segment (e.g. ingest)");
        }
        if (collection != null && format != null && format != Format.STIX) {
            throw new UsageException("--collection sends STIX 2.1 only; --format " + format.label()
                    + " cannot go to a TAXII collection");
        }
        if (url == null || url.isBlank()) {
            throw new UsageException("--url is required (the service, e.g. https://ingest.example.org)");
        }
        URI base;
        try {
            base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url is not a valid URL");
        }
        if (base.getScheme() == null || !(base.getScheme().equalsIgnoreCase("http")
                || base.getScheme().equalsIgnoreCase("https")) || base.getHost() == null) {
            throw new UsageException("--url must be an http:// or https:// URL");
        }
        if (base.getUserInfo() != null) {
            throw new UsageException("--url must not hold credentials; use --token or --api-key/--api-secret");
        }
        if (token == null && tokenFile != null) {
            token = readSecret("--token-file", tokenFile);
        }
        if (apiSecret == null && apiSecretFile != null) {
            apiSecret = readSecret("--api-secret-file", apiSecretFile);
        }
        boolean pairGiven = apiKey != null || apiSecret != null;
        if (token != null && pairGiven) {
            throw new UsageException("give either a token or an API key pair, not both");
        }
        // the environment fills in what the flags leave out
        if (token == null && !pairGiven) {
            token = blankToNull(env.get("THREAT_INGEST_TOKEN"));
        }
        if (token == null) {
            apiKey = apiKey != null ? apiKey : blankToNull(env.get("THREAT_INGEST_API_KEY"));
            apiSecret = apiSecret != null ? apiSecret : blankToNull(env.get("THREAT_INGEST_API_SECRET"));
        }
        if (token == null) {
            if (apiKey == null && apiSecret == null) {
                throw new UsageException("credentials are required: --token (or --token-file, THREAT_INGEST_TOKEN)"
                        + " or --api-key with --api-secret (or --api-secret-file, THREAT_INGEST_API_KEY and"
                        + " THREAT_INGEST_API_SECRET)");
            }
            if (apiKey == null || apiSecret == null) {
                throw new UsageException("an API key needs both --api-key and --api-secret");
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("name at least one file to import");
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UsageException("no such file: " + file);
            }
            if (!Files.isReadable(file)) {
                throw new UsageException("cannot read " + file);
            }
        }
        if (rejects == null) {
            Path first = files.get(0).toAbsolutePath();
            rejects = first.resolveSibling(first.getFileName() + ".rejects.ndjson");
        }
        return new ImportOptions(base, new Credentials(token, apiKey, apiSecret), format, reputation,
                List.copyOf(tags), chunkSize == null ? DEFAULT_LINES : chunkSize,
                chunkBytes == null ? DEFAULT_BYTES : chunkBytes,
                chunkSize == null ? DEFAULT_STIX_OBJECTS : chunkSize,
                chunkBytes == null ? DEFAULT_STIX_BYTES : chunkBytes, rejects, progress, interval,
                stopAfter, maxWait, List.copyOf(files), collection, apiRoot);
    }

    private static int integer(String name, String value, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new UsageException(name + " must be from " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be an integer");
        }
    }

    private static Duration seconds(String name, String value) throws UsageException {
        try {
            double s = Double.parseDouble(value.strip());
            if (!(s > 0) || s > 86_400) {
                throw new UsageException(name + " must be a number of seconds above 0");
            }
            return Duration.ofMillis(Math.round(s * 1000));
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number of seconds");
        }
    }

    private static String readSecret(String name, String file) throws UsageException {
        try {
            String value = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new UsageException(name + ": the file is empty");
            }
            return value;
        } catch (IOException e) {
            throw new UsageException(name + ": cannot read " + file);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The query string for text and CSV (reputation and tags), empty for other formats. */
    String extractQuery() {
        StringBuilder query = new StringBuilder("?submit=true");
        if (reputation != null) {
            query.append("&reputation=").append(reputation);
        }
        for (String tag : tags) {
            query.append("&tag=").append(java.net.URLEncoder.encode(tag, StandardCharsets.UTF_8));
        }
        return query.toString();
    }
}
