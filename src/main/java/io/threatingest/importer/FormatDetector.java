package io.threatingest.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Guesses a file's format: by its extension first, then by its first 64 KiB. {@link #detect} answers the format
 * and how it was chosen, or throws when a JSON file is none of the known documents.
 */
final class FormatDetector {

    static final int SNIFF_BYTES = 64 * 1024;
    private static final Pattern BUNDLE = Pattern.compile("\"type\"\\s*:\\s*\"bundle\"");
    private static final Pattern MISP = Pattern.compile("\"(Event|response|Object)\"\\s*:");

    record Guess(Format format, String why) {
    }

    private final ObjectMapper json;

    FormatDetector(ObjectMapper json) {
        this.json = json;
    }

    Guess detect(Path file) throws IOException, ImportOptions.UsageException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        switch (extension) {
            case "txt", "log", "md" -> {
                return new Guess(Format.TEXT, "extension ." + extension);
            }
            case "csv", "tsv" -> {
                return new Guess(Format.CSV, "extension ." + extension);
            }
            case "ndjson", "jsonl" -> {
                return new Guess(Format.NDJSON, "extension ." + extension);
            }
            default -> {
                // sniffed below
            }
        }
        String head = head(file);
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            if (BUNDLE.matcher(head).find()) {
                return new Guess(Format.STIX, sniffed(extension, "\"type\": \"bundle\""));
            }
            if (MISP.matcher(head).find()) {
                return new Guess(Format.MISP, sniffed(extension, "a MISP \"Event\"/\"response\""));
            }
            if (trimmed.startsWith("{") && firstLineIsObject(trimmed)) {
                return new Guess(Format.NDJSON, sniffed(extension, "one JSON object per line"));
            }
            if (extension.equals("json")) {
                throw new ImportOptions.UsageException(file + ": a JSON file that is neither a STIX bundle nor a "
                        + "MISP document nor NDJSON; name its format with --format");
            }
        }
        if (looksLikeCsv(head)) {
            return new Guess(Format.CSV, sniffed(extension, "comma- or tab-separated lines"));
        }
        return new Guess(Format.TEXT, sniffed(extension, "plain text"));
    }

    private static String sniffed(String extension, String what) {
        return (extension.isEmpty() ? "no extension" : "extension ." + extension) + ", content: " + what;
    }

    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(SNIFF_BYTES);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
    }

    /** The first line is a whole JSON object and a second line exists or the file is that one line. */
    private boolean firstLineIsObject(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        try {
            JsonNode node = json.readTree(first);
            return node != null && node.isObject();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean looksLikeCsv(String head) {
        String[] lines = head.split("\r?\n", 6);
        int checked = 0;
        for (int i = 0; i < Math.min(lines.length, 5); i++) {
            if (i == lines.length - 1 && lines.length == 6) {
                break;
            }
            if (lines[i].isBlank()) {
                continue;
            }
            if (!lines[i].contains(",") && !lines[i].contains("\t")) {
                return false;
            }
            checked++;
        }
        return checked >= 2;
    }
}
