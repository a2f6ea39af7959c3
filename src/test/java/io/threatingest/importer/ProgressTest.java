package io.threatingest.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The three progress displays: a bar rewritten in place, plain lines at an interval, nothing. */
class ProgressTest {

    static Tally halfway() {
        Tally tally = new Tally();
        tally.sent = 120;
        tally.accepted = 110;
        tally.rejected = 6;
        tally.notMapped = 4;
        tally.bytesRead = 500;
        return tally;
    }

    @Test
    void onATerminalOneLineIsRewrittenInPlace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Progress progress = new Progress(Progress.Mode.BAR, new PrintStream(err, true, StandardCharsets.UTF_8),
                Duration.ofSeconds(5), 1000);
        progress.update(halfway());
        progress.notice("429 (rate limited); waiting 1 s");
        progress.update(halfway());
        progress.finish(halfway());
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\r[############------------]  50% 120 sent, 110 accepted, 10 rejected, "), text);
        assertTrue(text.contains("\r\u001b[Kimport: 429 (rate limited); waiting 1 s\n"), "a notice gets its own line");
        assertTrue(text.endsWith("left\u001b[K\n"), text);
    }

    @Test
    void withoutATerminalPlainLinesAtTheInterval() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Progress progress = new Progress(Progress.Mode.LINES, new PrintStream(err, true, StandardCharsets.UTF_8),
                Duration.ofMillis(50), 1000);
        progress.update(halfway());
        assertEquals("", err.toString(StandardCharsets.UTF_8), "nothing before the first interval");
        Thread.sleep(60);
        progress.update(halfway());
        progress.update(halfway());
        progress.finish(halfway());
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.matches("import: 120 sent, 110 accepted, 10 rejected, \\d+/s, \\d\\d:\\d\\d:\\d\\d left\n"),
                text);
        assertFalse(text.contains("\r"));
    }

    @Test
    void noneIsSilent() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Progress progress = new Progress(Progress.Mode.NONE, new PrintStream(err, true, StandardCharsets.UTF_8),
                Duration.ofMillis(1), 1000);
        progress.update(halfway());
        progress.notice("x");
        progress.finish(halfway());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals("01:02:03", Progress.clock(3723));
    }
}
