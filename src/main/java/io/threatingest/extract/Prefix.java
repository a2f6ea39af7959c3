package io.threatingest.extract;

/** The {@code /prefix} of a CIDR written right after an address: {@code /24}, {@code [/]24}, {@code /64}. */
final class Prefix {

    private Prefix() {
    }

    /**
     * Offset just past a slash (plain or bracketed) and 1 to {@code maxDigits} digits at {@code p}, when nothing
     * that continues a word or a path follows; -1 otherwise.
     */
    static int after(CharSequence text, int p, int maxDigits) {
        int n = text.length();
        int q;
        if (p < n && text.charAt(p) == '/') {
            q = p + 1;
        } else {
            Separator separator = Separator.bracketed(text, p);
            if (separator == null || separator.kind() != Separator.Kind.SLASH) {
                return -1;
            }
            q = separator.end();
        }
        int digits = q;
        while (q < n && Chars.isDigit(text.charAt(q)) && q - digits <= maxDigits) {
            q++;
        }
        if (q == digits || q - digits > maxDigits) {
            return -1;
        }
        if (q < n && (Chars.isAtomAt(text, q) || text.charAt(q) == '/'
                || (text.charAt(q) == '.' && q + 1 < n && Chars.isDigit(text.charAt(q + 1))))) {
            return -1;
        }
        return q;
    }
}
