package io.threatingest.importer;

import java.io.IOException;

/** Sends the chunks of one kind of file to where they go, and books what each answer says. */
interface ChunkSender {

    /** Where the chunks go, as the line that announces a file names it. */
    String destination();

    /** Sends a chunk and books its answer; returns why the import must stop, or {@code null}. */
    String send(SourceFile file, Chunker chunker, Chunk chunk)
            throws Sender.Unreachable, InterruptedException, IOException;
}
