package io.threatingest.importer;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The parsed command line of {@code import}; {@link #parse} throws {@link UsageException} for anything wrong. */
record ImportOptions(URI url, Credentials credentials, Format format, Integer reputation, List<String> tags,
        ChunkSizes chunkSizes, Path rejects, Progress.Mode progress, Duration progressInterval, int stopAfterChunks,
        Duration maxWait, List<Path> files, String collection, String apiRoot) {

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
        GivenFlags given = CommandLine.read(args, terminal);
        TaxiiFlags.check(given.collection, given.apiRoot, given.format);
        URI base = ServiceUrl.parse(given.url);
        Credentials credentials = CredentialFlags.resolve(given, env);
        List<Path> files = InputFiles.check(given.files);
        return new ImportOptions(base, credentials, given.format, given.reputation, List.copyOf(given.tags),
                ChunkSizes.of(given.chunkSize, given.chunkBytes), InputFiles.rejects(given.rejects, files),
                given.progress, given.progressInterval, given.stopAfterChunks, given.maxWait, files,
                given.collection, given.apiRoot);
    }

    /** The query string for text and CSV (reputation and tags), empty for other formats. */
    String extractQuery() {
        StringBuilder query = new StringBuilder("?submit=true");
        if (reputation != null) {
            query.append("&reputation=").append(reputation);
        }
        for (String tag : tags) {
            query.append("&tag=").append(URLEncoder.encode(tag, StandardCharsets.UTF_8));
        }
        return query.toString();
    }
}
