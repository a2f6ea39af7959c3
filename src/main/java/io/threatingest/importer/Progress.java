package io.threatingest.importer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress on stderr: on a terminal one line rewritten in place (a bar), otherwise a plain line every interval;
 * {@code none} prints nothing. Notices (waits, retries) are printed on their own lines in every mode but none.
 */
final class Progress {

    enum Mode {

        BAR, LINES, NONE;

        static Mode named(String value) throws ImportOptions.UsageException {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "bar" -> BAR;
                case "lines" -> LINES;
                case "none" -> NONE;
                default -> throw new ImportOptions.UsageException("--progress must be bar, lines or none");
            };
        }
    }

    private static final int BAR_WIDTH = 24;
    private static final long BAR_REFRESH_NANOS = 200_000_000L;

    private final Mode mode;
    private final PrintStream err;
    private final long intervalNanos;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private long last = start;
    private boolean barShown;

    Progress(Mode mode, PrintStream err, Duration interval, long totalBytes) {
        this.mode = mode;
        this.err = err;
        this.intervalNanos = interval.toNanos();
        this.totalBytes = Math.max(totalBytes, 1);
    }

    /** Called often; prints when it is time. */
    void update(Tally tally) {
        long now = System.nanoTime();
        switch (mode) {
            case BAR -> {
                if (now - last >= BAR_REFRESH_NANOS || !barShown) {
                    last = now;
                    err.print("\r" + bar(tally, now) + "\u001b[K");
                    err.flush();
                    barShown = true;
                }
            }
            case LINES -> {
                if (now - last >= intervalNanos) {
                    last = now;
                    err.println("import: " + figures(tally, now));
                }
            }
            default -> {
                // silent
            }
        }
    }

    /** A line of its own (a wait, a retry, the format chosen), not overwritten by the bar. */
    void notice(String message) {
        if (mode == Mode.NONE) {
            return;
        }
        if (barShown) {
            err.print("\r\u001b[K");
            barShown = false;
        }
        err.println("import: " + message);
    }

    /** Ends the bar's line. */
    void finish(Tally tally) {
        if (mode == Mode.BAR) {
            err.print("\r" + bar(tally, System.nanoTime()) + "\u001b[K");
            err.println();
            barShown = false;
        }
    }

    private String bar(Tally tally, long now) {
        double done = Math.min(1.0, tally.bytesRead / (double) totalBytes);
        int filled = (int) Math.round(done * BAR_WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%% ", Math.round(done * 100)) + figures(tally, now);
    }

    String figures(Tally tally, long now) {
        double elapsed = Math.max((now - start) / 1e9, 1e-3);
        long rate = Math.round(tally.sent / elapsed);
        String left;
        if (tally.bytesRead <= 0) {
            left = "--:--:--";
        } else {
            double fraction = Math.min(1.0, tally.bytesRead / (double) totalBytes);
            left = clock(Math.round(elapsed / fraction - elapsed));
        }
        return tally.sent + " sent, " + tally.accepted + " accepted, " + (tally.rejected + tally.notMapped
                + tally.unavailable) + " rejected, " + rate + "/s, " + left + " left";
    }

    static String clock(long seconds) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
