package io.threatingest.extract;

/** Character classes shared by the scanners. Offsets are UTF-16 indexes into the text. */
final class Chars {

    private Chars() {
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isAsciiAlnum(char c) {
        return isAsciiLetter(c) || isDigit(c);
    }

    /**
     * Whether the character at {@code p} belongs to a word ("atom"): ASCII letters and digits, {@code -} and
     * {@code _}, a {@code +} between two ASCII letters or digits (e-mail local parts), and letters and digits of
     * other scripts, except the scripts written without spaces between words (Han, kana, Thai...), so that
     * {@code 恶意域名evil.com} still yields {@code evil.com} while {@code bücher.de} does not yield {@code cher.de}.
     */
    static boolean isAtomAt(CharSequence text, int p) {
        char c = text.charAt(p);
        if (c < 0x80) {
            if (isAsciiAlnum(c) || c == '-' || c == '_') {
                return true;
            }
            return c == '+' && p > 0 && p + 1 < text.length() && isAsciiAlnum(text.charAt(p - 1))
                    && isAsciiAlnum(text.charAt(p + 1));
        }
        return isWordCodePoint(Character.codePointAt(text, p));
    }

    /** Whether the character just before {@code p} belongs to a word; false at the start of the text. */
    static boolean isAtomBefore(CharSequence text, int p) {
        if (p <= 0) {
            return false;
        }
        char c = text.charAt(p - 1);
        if (Character.isLowSurrogate(c) && p >= 2 && Character.isHighSurrogate(text.charAt(p - 2))) {
            return isWordCodePoint(Character.codePointAt(text, p - 2));
        }
        return isAtomAt(text, p - 1);
    }

    /** Length in UTF-16 units of the character at {@code p}. */
    static int width(CharSequence text, int p) {
        return Character.charCount(Character.codePointAt(text, p));
    }

    /** A non-ASCII letter or digit that joins a word. */
    static boolean isWordCodePoint(int cp) {
        if (cp < 0x80 || !Character.isLetterOrDigit(cp)) {
            return false;
        }
        if (Character.isIdeographic(cp)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> false;
            default -> true;
        };
    }

    /** ASCII-lowercased copy of {@code text[from, to)}. */
    static String lowerAscii(CharSequence text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }
}
