package io.threatingest.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rejects file: one JSON object per refused item ({@code file}, {@code chunk}, what the item is, {@code status},
 * {@code reason}). Created on the first refusal, replaced when a run starts; holds only what the service
 * answered and the file's own references, never credentials.
 */
final class RejectWriter implements AutoCloseable {

    private final Path path;
    private final ObjectMapper json;
    private BufferedWriter out;
    private long written;

    RejectWriter(Path path, ObjectMapper json) throws IOException {
        this.path = path;
        this.json = json;
        Files.deleteIfExists(path);
    }

    /** The start of a line: the file and the chunk; the caller adds what the item is, then {@link #write}s it. */
    ObjectNode entry(Path file, Chunk chunk) {
        ObjectNode line = json.createObjectNode();
        line.put("file", file.toString());
        line.put("chunk", chunk.index());
        return line;
    }

    void write(ObjectNode line, String status, String reason) throws IOException {
        line.put("status", status);
        line.put("reason", reason == null ? "" : reason);
        if (out == null) {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        }
        out.write(json.writeValueAsString(line));
        out.write('\n');
        written++;
    }

    long written() {
        return written;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
