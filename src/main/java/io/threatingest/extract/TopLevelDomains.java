package io.threatingest.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** The IANA root-zone top-level domains, from the resource {@code iana-tlds.txt} (see docs/extraction.md). */
final class TopLevelDomains {

    /** The longest TLD the FQDN rule allows (2 to 20 letters). */
    private static final int MAX_LENGTH = 20;

    /**
     * TLDs that are also common file extensions ({@code invoice.zip}, {@code run.py}, {@code notes.md}): a name
     * ending in one of them is only taken for a domain when it was defanged or stands in a URL or an e-mail.
     */
    private static final Set<String> FILE_EXTENSIONS = Set.of(
            "zip", "mov", "py", "sh", "pl", "rs", "md", "ps", "cab", "one");

    private static final Set<String> ALL = load();

    private TopLevelDomains() {
    }

    /** Whether {@code text[from, to)}, compared without ASCII case, is a TLD of the root zone. */
    static boolean contains(CharSequence text, int from, int to) {
        int length = to - from;
        return length >= 2 && length <= MAX_LENGTH && ALL.contains(Chars.lowerAscii(text, from, to));
    }

    /** Whether {@code text[from, to)} (a TLD) is also a common file extension. */
    static boolean isFileExtension(CharSequence text, int from, int to) {
        return FILE_EXTENSIONS.contains(Chars.lowerAscii(text, from, to));
    }

    private static Set<String> load() {
        InputStream in = TopLevelDomains.class.getResourceAsStream("iana-tlds.txt");
        if (in == null) {
            throw new IllegalStateException("resource io/threatingest/extract/iana-tlds.txt is missing");
        }
        Set<String> tlds = new HashSet<>(2048);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String tld = line.strip();
                if (!tld.isEmpty() && !tld.startsWith("#")) {
                    tlds.add(tld);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(tlds);
    }
}
