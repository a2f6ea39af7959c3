package io.threatingest.importer;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Cuts a file into chunks, one request each. */
interface Chunker extends Closeable {

    /** The next chunk, or {@code null} when the file is done. */
    Chunk next() throws IOException;

    /**
     * The body of a request that sends only the given items of a chunk again (items reported unavailable), or
     * {@code null} when they cannot be sent alone.
     */
    byte[] retryBody(Chunk chunk, List<Answers.Item> unavailable) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
