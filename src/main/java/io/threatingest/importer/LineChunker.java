package io.threatingest.importer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Text, CSV and NDJSON: whole lines, up to a number of lines and of bytes per chunk (a line longer than the byte
 * bound travels alone). CSV records are kept whole: a line with an odd number of quotes continues on the next.
 */
final class LineChunker implements Chunker {

    private final Format format;
    private final LineReader reader;
    private final int maxLines;
    private final long maxBytes;
    private Record pending;
    private int index;

    LineChunker(Path file, Format format, int maxLines, long maxBytes) throws IOException {
        this.format = format;
        this.reader = new LineReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
    }

    @Override
    public Chunk next() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<Integer> nonBlank = new ArrayList<>();
        int lines = 0;
        int firstLine = -1;
        int lastLine = -1;
        while (lines < maxLines) {
            Record record = pending != null ? pending : readRecord();
            pending = null;
            if (record == null) {
                break;
            }
            if (lines > 0 && body.size() + record.bytes().length > maxBytes) {
                pending = record;
                break;
            }
            if (firstLine < 0) {
                firstLine = record.first();
            }
            lastLine = record.last();
            body.write(record.bytes());
            lines++;
            if (!blank(record.bytes())) {
                nonBlank.add(record.first());
            }
        }
        if (lines == 0) {
            return null;
        }
        byte[] bytes = body.toByteArray();
        if (format != Format.NDJSON && allBlank(bytes)) {
            // nothing to search; still a chunk so that progress and numbering stay simple
            return new Chunk(index++, bytes, lines, bytes.length, "lines " + firstLine + "-" + lastLine,
                    Chunk.Origin.NONE);
        }
        int[] lineNumbers = nonBlank.stream().mapToInt(Integer::intValue).toArray();
        return new Chunk(index++, bytes, lines, bytes.length, "lines " + firstLine + "-" + lastLine,
                new Chunk.Origin(lineNumbers, null, null, null, null));
    }

    private record Record(byte[] bytes, int first, int last) {
    }

    /** One line, or for CSV as many lines as one record spans (quotes balanced). */
    private Record readRecord() throws IOException {
        byte[] line = reader.next();
        if (line == null) {
            return null;
        }
        int first = reader.lineNumber();
        if (format != Format.CSV) {
            return new Record(line, first, first);
        }
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(line);
        int quotes = quotes(line);
        while (quotes % 2 == 1) {
            byte[] more = reader.next();
            if (more == null) {
                break;
            }
            record.write(more);
            quotes += quotes(more);
        }
        return new Record(record.toByteArray(), first, reader.lineNumber());
    }

    private static int quotes(byte[] line) {
        int n = 0;
        for (byte b : line) {
            if (b == '"') {
                n++;
            }
        }
        return n;
    }

    static boolean blank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean allBlank(byte[] bytes) {
        return blank(bytes);
    }

    @Override
    public byte[] retryBody(Chunk chunk, List<Answers.Item> unavailable) {
        StringBuilder out = new StringBuilder();
        if (format == Format.NDJSON) {
            Set<Integer> wanted = new HashSet<>();
            unavailable.forEach(item -> wanted.add(item.index()));
            int nonBlank = 0;
            for (String line : new String(chunk.body(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (blank(line.getBytes(StandardCharsets.UTF_8))) {
                    continue;
                }
                if (wanted.contains(nonBlank)) {
                    out.append(line.strip()).append('\n');
                }
                nonBlank++;
            }
        } else {
            // the values as found by the service, one per line: found again, as they are, by /extract
            for (Answers.Item item : unavailable) {
                out.append(item.value()).append('\n');
            }
        }
        return out.length() == 0 ? null : out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
