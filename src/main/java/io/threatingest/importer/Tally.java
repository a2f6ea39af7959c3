package io.threatingest.importer;

/** What the import has done so far; read by the progress display and the summary. */
final class Tally {

    long sent;
    long accepted;
    long rejected;
    long notMapped;
    long unavailable;
    long refusedChunks;
    long chunks;
    long replayedChunks;
    long bytesRead;
    long filesDone;

    long refused() {
        return rejected + notMapped + unavailable + refusedChunks;
    }
}
