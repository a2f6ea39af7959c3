package io.threatingest.importer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The flags and files as given on the command line, before the checks that look at several of them together. */
final class GivenFlags {

    String url;
    String token;
    String tokenFile;
    String apiKey;
    String apiSecret;
    String apiSecretFile;
    Format format;
    String collection;
    String apiRoot;
    Integer reputation;
    final List<String> tags = new ArrayList<>();
    Integer chunkSize;
    Long chunkBytes;
    Path rejects;
    Progress.Mode progress;
    Duration progressInterval = Duration.ofSeconds(5);
    Duration maxWait = Duration.ofSeconds(60);
    int stopAfterChunks;
    final List<Path> files = new ArrayList<>();

    GivenFlags(boolean terminal) {
        progress = terminal ? Progress.Mode.BAR : Progress.Mode.LINES;
    }
}
