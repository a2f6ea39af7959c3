package io.threatingest.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations of a free text for the indicator extractor: control characters, very long runs of what scanners look
 * at (digits and dots, colons, defanging brackets, labels), repeated and dropped spans, defanging tokens, unusual
 * Unicode, and bytes that are not UTF-8. Each mutation is described with its offset.
 */
public final class TextMutator {

    private static final String[] RUNS = { "a", "1.1.1.1 ", "[.]", "a.", "http://", "0", ":", "-", "\u00e9",
            "f", "::ffff:", "@", "hxxp://x[.]y/" };
    private static final String[] TOKENS = { "[.]", "(.)", "{.}", "hxxp", "hXXps", "[:]", "[@]", "(at)", "[dot]",
            "\u2024", "\uff0e", "\u3002", "\u0000", "\u202e", "\u200b", "\u0301", "\ud83d\ude00", "\r\n", "\t",
            "://", "%00", "\\x2e" };

    /** The mutated text as bytes, and what was done. */
    public record Mutated(byte[] body, String description) {
    }

    private TextMutator() {
    }

    public static Mutated mutate(String seed, SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder(seed);
        List<String> steps = new ArrayList<>();
        boolean badBytes = false;
        for (int i = 0; i < count; i++) {
            int at = offset(text, random);
            switch (random.nextInt(7)) {
                case 0 -> {
                    int[] lengths = { 1_000, 50_000, 400_000 };
                    String unit = RUNS[random.nextInt(RUNS.length)];
                    int length = lengths[random.nextInt(lengths.length)];
                    text.insert(at, unit.repeat(Math.max(1, length / unit.length())));
                    steps.add("run of " + length + " chars of '" + printable(unit) + "' at " + at);
                }
                case 1 -> {
                    int end = Math.min(text.length(), at + 1 + random.nextInt(200));
                    String span = text.substring(at, end);
                    int times = 2 + random.nextInt(2_000);
                    text.insert(at, span.repeat(times));
                    steps.add("span " + at + ".." + end + " repeated " + times + " times");
                }
                case 2 -> {
                    int end = Math.min(text.length(), at + random.nextInt(300));
                    text.delete(at, end);
                    steps.add("dropped " + at + ".." + end);
                }
                case 3, 4 -> {
                    String token = TOKENS[random.nextInt(TOKENS.length)];
                    text.insert(at, token);
                    steps.add("inserted '" + printable(token) + "' at " + at);
                }
                case 5 -> {
                    int start = offset(text, random);
                    int end = Math.min(text.length(), start + random.nextInt(100));
                    text.insert(at, text.substring(start, end));
                    steps.add("copied " + start + ".." + end + " to " + at);
                }
                default -> {
                    badBytes = true;
                    steps.add("bytes that are not UTF-8 appended");
                }
            }
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        if (badBytes) {
            byte[] out = new byte[body.length + 3];
            System.arraycopy(body, 0, out, 0, body.length);
            out[body.length] = (byte) 0xc3;
            out[body.length + 1] = 0x28;
            out[body.length + 2] = (byte) 0xff;
            body = out;
        }
        return new Mutated(body, String.join("; ", steps));
    }

    /** A random offset that does not split a surrogate pair. */
    private static int offset(StringBuilder text, SplittableRandom random) {
        int at = random.nextInt(text.length() + 1);
        if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
            at--;
        }
        return at;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return out.toString();
    }
}
