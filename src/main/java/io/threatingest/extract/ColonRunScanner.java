package io.threatingest.extract;

import java.util.Locale;

/**
 * Recognises the colon-separated forms at an offset: an IPv6 address ({@code 2001:db8::1}, {@code ::ffff:1.2.3.4},
 * defanged colons {@code 2001[:]db8[:][:]1}), optionally with a {@code /prefix} (a CIDR), and a MAC address written
 * with colons ({@code 00:1a:2b:3c:4d:5e}). The run read is the longest stretch of hex digits, dots and colons.
 */
final class ColonRunScanner {

    /** Longer runs cannot be an address, even with every colon defanged. */
    private static final int MAX_LENGTH = 100;

    private static final int MAC_LENGTH = 17;

    /**
     * The outcome of one look.
     *
     * @param found the indicator, or {@code null}
     * @param scanned offset up to which the text was read; no other address can start before it
     */
    record Result(FoundIndicator found, int scanned) {
    }

    private ColonRunScanner() {
    }

    static Result at(CharSequence text, int start) {
        int n = text.length();
        int p = start;
        int colons = 0;
        boolean defanged = false;
        while (p < n) {
            char c = text.charAt(p);
            if (Chars.isHex(c) || c == '.') {
                p++;
            } else if (c == ':') {
                colons++;
                p++;
            } else {
                Separator separator = Separator.bracketed(text, p);
                if (separator == null || separator.kind() != Separator.Kind.COLON) {
                    break;
                }
                colons++;
                defanged = true;
                p = separator.end();
            }
        }
        int scanned = p;
        int end = p;
        while (end > start && text.charAt(end - 1) == '.') {
            end--;
        }
        if (end - start >= 2 && text.charAt(end - 1) == ':' && text.charAt(end - 2) != ':') {
            end--;
            colons--;
        }
        if (colons < 2 || end - start > MAX_LENGTH || (end < n && end == scanned && Chars.isAtomAt(text, end))) {
            return new Result(null, scanned);
        }
        if (colons == 5 && !defanged && end - start == MAC_LENGTH) {
            return new Result(mac(text, start, end), scanned);
        }
        return new Result(address(text, start, end), scanned);
    }

    private static FoundIndicator mac(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            boolean separator = (i - start) % 3 == 2;
            char c = text.charAt(i);
            if (separator ? c != ':' : !Chars.isHex(c)) {
                return null;
            }
        }
        String found = text.subSequence(start, end).toString();
        String value = found.replace(':', '-').toUpperCase(Locale.ROOT);
        return ServiceRules.accepts("mac-address", value)
                ? new FoundIndicator("mac-address", found, value, start, end)
                : null;
    }

    private static FoundIndicator address(CharSequence text, int start, int end) {
        int prefixEnd = Prefix.after(text, end, 3);
        if (prefixEnd > 0) {
            String found = text.subSequence(start, prefixEnd).toString();
            String value = ServiceRules.refang("cidr", found);
            if (ServiceRules.accepts("cidr", value)) {
                return new FoundIndicator("cidr", found, value, start, prefixEnd);
            }
        }
        String found = text.subSequence(start, end).toString();
        String value = ServiceRules.refang("ip", found);
        return ServiceRules.accepts("ip", value) ? new FoundIndicator("ip", found, value, start, end) : null;
    }
}
