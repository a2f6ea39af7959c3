package io.threatingest.extract;

import java.util.Set;

/**
 * Recognises a URL starting at a given offset: a scheme of {@link #SCHEMES} (plain or defanged), the scheme
 * separator ({@code ://}, {@code [:]//}, {@code [://]}...), then every character a URL may hold up to the first
 * one it may not (space, quote, angle bracket...), less trailing punctuation.
 */
final class UrlScanner {

    /** Schemes, lowercase, as written in reports: the real ones and the defanged spellings Refanger restores. */
    static final Set<String> SCHEMES = Set.of(
            "http", "https", "ftp", "ftps",
            "hxxp", "hxxps", "hxtp", "hxtps", "htxp", "htxps", "fxp", "fxps");

    private static final int MAX_SCHEME = 5;

    /** Characters that may end a URL but are taken for the prose around it. */
    private static final String TRAILING = ".,;:!?'*";

    /**
     * A URL candidate.
     *
     * @param start offset of the scheme
     * @param end offset just past the URL, trailing punctuation excluded
     * @param scanned offset up to which the text was read; no other URL can start before it
     */
    record Candidate(int start, int end, int scanned) {
    }

    private UrlScanner() {
    }

    /** The URL starting at {@code start}, or {@code null} if no scheme and separator stand there. */
    static Candidate at(CharSequence text, int start) {
        int n = text.length();
        int p = start;
        while (p < n && p - start <= MAX_SCHEME && Chars.isAsciiLetter(text.charAt(p))) {
            p++;
        }
        if (p - start < 3 || p - start > MAX_SCHEME || !SCHEMES.contains(Chars.lowerAscii(text, start, p))) {
            return null;
        }
        int authority = afterSchemeSeparator(text, p);
        if (authority < 0) {
            return null;
        }
        int scanned = body(text, authority);
        int end = trimTrailing(text, authority, scanned);
        if (end <= authority) {
            return null;
        }
        char first = text.charAt(authority);
        if (first == '/' || first == '?' || first == '#') {
            return null;
        }
        return new Candidate(start, end, scanned);
    }

    /** Just past {@code ://} or a defanged form of it at {@code p}; -1 if there is none. */
    private static int afterSchemeSeparator(CharSequence text, int p) {
        int n = text.length();
        if (p < n && text.charAt(p) == ':') {
            return startsWith(text, p + 1, "//") ? p + 3 : -1;
        }
        Separator separator = Separator.bracketed(text, p);
        if (separator == null) {
            return -1;
        }
        if (separator.kind() == Separator.Kind.SCHEME) {
            return separator.end();
        }
        if (separator.kind() == Separator.Kind.COLON && startsWith(text, separator.end(), "//")) {
            return separator.end() + 2;
        }
        return -1;
    }

    /** Offset of the first character after {@code from} that cannot belong to the URL. */
    private static int body(CharSequence text, int from) {
        int n = text.length();
        int p = from;
        while (p < n) {
            char c = text.charAt(p);
            if (c == ' ') {
                Separator joined = Separator.joiner(text, p);
                if (joined == null || joined.end() >= n || !Chars.isAtomAt(text, joined.end())) {
                    return p;
                }
                p = joined.end();
            } else if (c == '[' || c == '(' || c == '{') {
                Separator separator = Separator.bracketed(text, p);
                if (separator != null) {
                    p = separator.end();
                } else if (c == '{') {
                    return p;
                } else {
                    p++;
                }
            } else if (c == '\\') {
                if (p + 1 < n && text.charAt(p + 1) == '.') {
                    p += 2;
                } else {
                    return p;
                }
            } else if (c < 0x80) {
                if (c <= 0x20 || c == 0x7f || "\"<>`{}|^".indexOf(c) >= 0) {
                    return p;
                }
                p++;
            } else if (Chars.isWordCodePoint(Character.codePointAt(text, p))) {
                p += Chars.width(text, p);
            } else {
                return p;
            }
        }
        return p;
    }

    /**
     * Drops trailing punctuation: {@link #TRAILING}, and a closing bracket that closes nothing inside the URL
     * ({@code (see http://x.example/a)}); brackets of a defanged separator ({@code [.]}) pair up and stay.
     */
    private static int trimTrailing(CharSequence text, int from, int to) {
        int parens = 0;
        int squares = 0;
        for (int i = from; i < to; i++) {
            switch (text.charAt(i)) {
                case '(' -> parens++;
                case ')' -> parens--;
                case '[' -> squares++;
                case ']' -> squares--;
                default -> {
                }
            }
        }
        int end = to;
        while (end > from) {
            char c = text.charAt(end - 1);
            if (TRAILING.indexOf(c) >= 0) {
                end--;
            } else if (c == ')' && parens < 0) {
                parens++;
                end--;
            } else if (c == ']' && squares < 0) {
                squares++;
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean startsWith(CharSequence text, int p, String prefix) {
        if (p + prefix.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(p + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
