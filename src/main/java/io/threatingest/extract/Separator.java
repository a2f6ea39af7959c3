package io.threatingest.extract;

/**
 * A separator found in the text, plain or defanged.
 *
 * @param kind what it stands for
 * @param end offset just past it
 * @param defanged whether it was written in a defanged form ({@code [.]}, {@code \.}, {@code [at]}, ...)
 */
record Separator(Kind kind, int end, boolean defanged) {

    enum Kind {
        DOT, AT, COLON, SCHEME, SLASH
    }

    /** Most spaces allowed on each side of a bracketed dot or at sign ({@code evil [dot] com}). */
    static final int MAX_SPACES = 3;

    /** Longest text between two brackets that can be a defanged separator ({@code [ dot ]}, padded). */
    private static final int MAX_BRACKETED = 8;

    /**
     * A bracketed separator starting at {@code open} ({@code [.]}, {@code (dot)}, {@code {://}}, {@code [ @ ]}...),
     * as {@code io.threatingest.domain.Refanger} reads them: matching brackets, letters without regard to ASCII
     * case, spaces just inside ignored. {@code null} if there is none.
     */
    static Separator bracketed(CharSequence text, int open) {
        int n = text.length();
        if (open >= n) {
            return null;
        }
        char close = switch (text.charAt(open)) {
            case '[' -> ']';
            case '(' -> ')';
            case '{' -> '}';
            default -> 0;
        };
        if (close == 0) {
            return null;
        }
        int limit = Math.min(n, open + 2 + MAX_BRACKETED);
        int closing = -1;
        for (int j = open + 1; j < limit; j++) {
            if (text.charAt(j) == close) {
                closing = j;
                break;
            }
        }
        if (closing < 0) {
            return null;
        }
        int from = open + 1;
        int to = closing;
        while (from < to && text.charAt(from) == ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) == ' ') {
            to--;
        }
        Kind kind = switch (Chars.lowerAscii(text, from, to)) {
            case ".", "dot" -> Kind.DOT;
            case "@", "at" -> Kind.AT;
            case ":" -> Kind.COLON;
            case "://" -> Kind.SCHEME;
            case "/" -> Kind.SLASH;
            default -> null;
        };
        return kind == null ? null : new Separator(kind, closing + 1, true);
    }

    /**
     * A dot or at sign between two parts of a name, starting at {@code p}: {@code .}, {@code @}, {@code \.}, or a
     * bracketed dot or at sign with up to {@link #MAX_SPACES} spaces on either side. {@code null} if there is none.
     */
    static Separator joiner(CharSequence text, int p) {
        int n = text.length();
        if (p >= n) {
            return null;
        }
        char c = text.charAt(p);
        if (c == '.') {
            return new Separator(Kind.DOT, p + 1, false);
        }
        if (c == '@') {
            return new Separator(Kind.AT, p + 1, false);
        }
        if (c == '\\') {
            return p + 1 < n && text.charAt(p + 1) == '.' ? new Separator(Kind.DOT, p + 2, true) : null;
        }
        int q = skipSpaces(text, p);
        if (q < 0) {
            return null;
        }
        Separator bracketed = bracketed(text, q);
        if (bracketed == null || (bracketed.kind != Kind.DOT && bracketed.kind != Kind.AT)) {
            return null;
        }
        int end = skipSpaces(text, bracketed.end);
        return new Separator(bracketed.kind, end < 0 ? bracketed.end : end, true);
    }

    /** Just past up to {@link #MAX_SPACES} spaces from {@code p}; -1 if more follow. */
    private static int skipSpaces(CharSequence text, int p) {
        int q = p;
        while (q < text.length() && text.charAt(q) == ' ') {
            if (q - p == MAX_SPACES) {
                return -1;
            }
            q++;
        }
        return q;
    }
}
