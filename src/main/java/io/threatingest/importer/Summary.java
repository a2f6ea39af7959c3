package io.threatingest.importer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** The two lines on stdout that end every run that got to send: the counts, and where the rejects are. */
final class Summary {

    private Summary() {
    }

    static void print(PrintStream out, Tally tally, RejectWriter rejects, Duration time) {
        StringBuilder line = new StringBuilder();
        line.append("accepted ").append(tally.accepted).append(", rejected ").append(tally.rejected)
                .append(", not mapped ").append(tally.notMapped).append(", unavailable ").append(tally.unavailable);
        if (tally.refusedChunks > 0) {
            line.append(", refused chunks ").append(tally.refusedChunks);
        }
        line.append(", files ").append(tally.filesDone).append(", chunks ").append(tally.chunks);
        if (tally.replayedChunks > 0) {
            line.append(" (").append(tally.replayedChunks).append(" replayed)");
        }
        line.append(", time ").append(String.format(Locale.ROOT, "%.1f s", time.toMillis() / 1000.0));
        out.println(line);
        out.println(rejects.written() == 0
                ? "rejects: none"
                : "rejects: " + rejects.path() + " (" + rejects.written() + " lines)");
        out.flush();
    }
}
