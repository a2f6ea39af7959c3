package io.threatingest.api;

import java.util.Arrays;

import io.vertx.core.buffer.Buffer;

/**
 * Splits an NDJSON body into lines as its chunks arrive. A line ends at {@code \n} (a {@code \r} before it is
 * dropped); the last line needs no end. Blank lines are skipped. Only the line being read is held.
 */
final class NdjsonLines {

    @FunctionalInterface
    interface LineHandler {

        /** One line in {@code line[0..length)}; the array is reused after the call returns. */
        void line(byte[] line, int length);
    }

    private final LineHandler handler;
    private byte[] line = new byte[8192];
    private int length;
    private boolean failed;

    NdjsonLines(LineHandler handler) {
        this.handler = handler;
    }

    void feed(Buffer chunk) {
        int size = chunk.length();
        for (int i = 0; i < size; i++) {
            byte b = chunk.getByte(i);
            if (b == '\n') {
                emit();
            } else {
                if (length == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[length++] = b;
            }
        }
    }

    void finish() {
        emit();
    }

    /** Stops reading: the batch was refused as a whole while its body was still arriving. */
    void fail() {
        failed = true;
    }

    boolean failed() {
        return failed;
    }

    private void emit() {
        int end = length;
        if (end > 0 && line[end - 1] == '\r') {
            end--;
        }
        boolean blank = true;
        for (int i = 0; i < end && blank; i++) {
            blank = line[i] == ' ' || line[i] == '\t';
        }
        length = 0;
        if (!blank) {
            handler.line(line, end);
        }
    }
}
