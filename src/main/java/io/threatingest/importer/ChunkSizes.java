package io.threatingest.importer;

/**
 * How much one request holds: lines and bytes for text, CSV, NDJSON (lines are attributes for a MISP attribute
 * search), objects and bytes for STIX. {@code --chunk-size} and {@code --chunk-bytes} set both kinds.
 */
record ChunkSizes(int lines, long bytes, int stixObjects, long stixBytes) {

    static final int DEFAULT_LINES = 1000;
    static final long DEFAULT_BYTES = 1 << 20;
    static final int DEFAULT_STIX_OBJECTS = 1000;
    static final long DEFAULT_STIX_BYTES = 2 << 20;
    /** Below the service's default body limit (4 MiB), leaving room for a chunk that holds one long line. */
    static final long MAX_BYTES = 3 << 20;

    /** The sizes from {@code --chunk-size} and {@code --chunk-bytes}, either {@code null} when not given. */
    static ChunkSizes of(Integer chunkSize, Long chunkBytes) {
        return new ChunkSizes(chunkSize == null ? DEFAULT_LINES : chunkSize,
                chunkBytes == null ? DEFAULT_BYTES : chunkBytes,
                chunkSize == null ? DEFAULT_STIX_OBJECTS : chunkSize,
                chunkBytes == null ? DEFAULT_STIX_BYTES : chunkBytes);
    }
}
