package io.threatingest.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Counts what the service answered in the {@link Tally} and writes what it did not accept to the rejects file. */
final class Booking {

    private final Tally tally;
    private final RejectWriter rejects;

    Booking(Tally tally, RejectWriter rejects) {
        this.tally = tally;
        this.rejects = rejects;
    }

    /** A chunk not sent: it holds nothing to find. */
    void skippedChunk() {
        tally.chunks++;
    }

    void answeredChunk(Sender.Answer answer) {
        tally.chunks++;
        if (answer.replayed()) {
            tally.replayedChunks++;
        }
    }

    /** A chunk whose answer has no items to book: one line for the whole chunk. */
    void refusedChunk(Path file, Chunk chunk, String reason) throws IOException {
        tally.refusedChunks++;
        ObjectNode line = rejects.entry(file, chunk);
        line.put("where", chunk.where());
        rejects.write(line, "refused", reason);
    }

    /** An item the answer reports (counted as sent), before its final status is known. */
    void sentItem() {
        tally.sent++;
    }

    /** Counts an item's final status and writes it to the rejects file, described by {@code fields}, unless accepted. */
    void item(Path file, Chunk chunk, String status, String reason, Consumer<ObjectNode> fields) throws IOException {
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
        fields.accept(line);
        rejects.write(line, status, reason);
    }
}
