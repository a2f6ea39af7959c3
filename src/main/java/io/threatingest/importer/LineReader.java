package io.threatingest.importer;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** Reads a file line by line as bytes, each line with its own end (LF or CRLF) kept, so chunks are the file's bytes. */
final class LineReader implements Closeable {

    private final InputStream in;
    private int lineNumber;
    private boolean first = true;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line with its end, or {@code null} at the end of the file. */
    byte[] next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        if (line.size() == 0) {
            return null;
        }
        lineNumber++;
        byte[] bytes = line.toByteArray();
        if (first) {
            first = false;
            if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                    && (bytes[2] & 0xff) == 0xBF) {
                return java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
            }
        }
        return bytes;
    }

    /** The number of the line {@link #next} returned last, from 1. */
    int lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
