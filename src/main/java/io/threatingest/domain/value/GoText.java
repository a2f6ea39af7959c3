package io.threatingest.domain.value;

/**
 * Text operations with the exact semantics of the Go functions the reference applies: {@code strings.ToLower}
 * (per code point, simple case mapping, no locale, no context rules) and {@code unicode.IsSpace}.
 */
public final class GoText {

    private GoText() {
    }

    /** Go {@code strings.ToLower}. Never {@code String.toLowerCase()}: it applies final-sigma and U+0130 rules. */
    public static String lower(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                return lowerFrom(s, i);
            }
        }
        return s;
    }

    private static String lowerFrom(String s, int start) {
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, start);
        int n = s.length();
        for (int i = start; i < n;) {
            int cp = s.codePointAt(i);
            out.appendCodePoint(Character.toLowerCase(cp));
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Go {@code strings.ToUpper}: per code point simple case mapping. */
    public static String upper(String s) {
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n;) {
            int cp = s.codePointAt(i);
            int upper = Character.toUpperCase(cp);
            if (upper != cp && out == null) {
                out = new StringBuilder(n).append(s, 0, i);
            }
            if (out != null) {
                out.appendCodePoint(upper);
            }
            i += Character.charCount(cp);
        }
        return out == null ? s : out.toString();
    }

    /** Go {@code unicode.IsSpace}. */
    public static boolean isSpace(int cp) {
        if (cp < 0x100) {
            return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0;
        }
        return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
                || cp == 0x205F || cp == 0x3000;
    }

    /** Number of bytes of the UTF-8 encoding, without encoding. Lone surrogates count as U+FFFD (3 bytes). */
    public static long utf8Length(String s) {
        long bytes = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The value of an ASCII hex digit of either case, or -1. */
    static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static boolean isLowerHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
