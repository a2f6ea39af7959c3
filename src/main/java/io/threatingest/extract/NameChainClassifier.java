package io.threatingest.extract;

import java.util.Locale;

import io.threatingest.domain.value.RawValue;

/**
 * Decides what a {@link NameChain} is: an IPv4 address or CIDR, an e-mail address, a domain name, a MAC address in
 * dotted form, or a single word that is a hash, a CVE, an AS number or a MAC address with hyphens.
 */
final class NameChainClassifier {

    private static final long MAX_ASN = 4_294_967_295L;

    /**
     * The outcome.
     *
     * @param found the indicator, or {@code null}
     * @param end offset just past what was consumed (the chain, or the chain and its CIDR prefix)
     */
    record Result(FoundIndicator found, int end) {
    }

    private NameChainClassifier() {
    }

    static Result classify(CharSequence text, NameChain chain) {
        if (chain.atSigns == 1) {
            return new Result(email(text, chain), chain.end);
        }
        if (chain.atSigns > 1) {
            return new Result(null, chain.end);
        }
        if (chain.words == 1) {
            return new Result(word(text, chain.start, chain.end), chain.end);
        }
        if (chain.words == 4 && isDottedQuad(text, chain)) {
            return ipv4(text, chain);
        }
        FoundIndicator found = null;
        if (chain.words == 3 && !chain.defanged) {
            found = dottedMac(text, chain);
        }
        if (found == null) {
            found = domain(text, chain);
        }
        if (found == null) {
            // A file named after its digest (<sha256>.exe), or a CVE with a suffix: the first word on its own.
            FoundIndicator first = word(text, chain.wordStart[0], chain.wordEnd[0]);
            if (first != null && !first.type().equals("asn") && !first.type().equals("mac-address")) {
                found = first;
            }
        }
        return new Result(found, chain.end);
    }

    private static boolean isDottedQuad(CharSequence text, NameChain chain) {
        for (int w = 0; w < 4; w++) {
            int length = chain.length(w);
            if (length < 1 || length > 3) {
                return false;
            }
            for (int i = chain.wordStart[w]; i < chain.wordEnd[w]; i++) {
                if (!Chars.isDigit(text.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Result ipv4(CharSequence text, NameChain chain) {
        int prefixEnd = Prefix.after(text, chain.end, 2);
        if (prefixEnd > 0) {
            String found = text.subSequence(chain.start, prefixEnd).toString();
            String value = ServiceRules.refang("cidr", found);
            if (ServiceRules.accepts("cidr", value)) {
                return new Result(new FoundIndicator("cidr", found, value, chain.start, prefixEnd), prefixEnd);
            }
        }
        String found = text.subSequence(chain.start, chain.end).toString();
        String value = ServiceRules.refang("ip", found);
        FoundIndicator ip = ServiceRules.accepts("ip", value)
                ? new FoundIndicator("ip", found, value, chain.start, chain.end)
                : null;
        return new Result(ip, prefixEnd > 0 ? prefixEnd : chain.end);
    }

    private static FoundIndicator email(CharSequence text, NameChain chain) {
        if (!TopLevelDomains.contains(text, chain.lastStart, chain.lastEnd) || chain.afterAt >= chain.lastStart) {
            return null;
        }
        String found = text.subSequence(chain.start, chain.end).toString();
        String value = ServiceRules.refang("email-address", found);
        int at = value.lastIndexOf('@');
        if (at < 0 || !ServiceRules.accepts("domain", value.substring(at + 1))
                || !ServiceRules.accepts("email-address", value)) {
            return null;
        }
        return new FoundIndicator("email-address", found, value, chain.start, chain.end);
    }

    private static FoundIndicator domain(CharSequence text, NameChain chain) {
        if (!TopLevelDomains.contains(text, chain.lastStart, chain.lastEnd)) {
            return null;
        }
        if (!chain.defanged && (TopLevelDomains.isFileExtension(text, chain.lastStart, chain.lastEnd)
                || isCapitalised(text, chain.lastStart, chain.lastEnd))) {
            return null;
        }
        String found = text.subSequence(chain.start, chain.end).toString();
        String value = ServiceRules.refang("domain", found);
        return ServiceRules.accepts("domain", value)
                ? new FoundIndicator("domain", found, value, chain.start, chain.end)
                : null;
    }

    /**
     * {@code Word}: an upper-case letter then lower-case ones. A TLD written so is most likely the start of a
     * sentence after a missing space ({@code the file.It was}); domains are written in lower or upper case.
     */
    private static boolean isCapitalised(CharSequence text, int from, int to) {
        if (!Character.isUpperCase(text.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (!Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static FoundIndicator dottedMac(CharSequence text, NameChain chain) {
        for (int w = 0; w < 3; w++) {
            if (chain.length(w) != 4 || !allHex(text, chain.wordStart[w], chain.wordEnd[w])) {
                return null;
            }
        }
        String found = text.subSequence(chain.start, chain.end).toString();
        String hex = found.replace(".", "").toUpperCase(Locale.ROOT);
        StringBuilder value = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                value.append('-');
            }
            value.append(hex, i, i + 2);
        }
        return ServiceRules.accepts("mac-address", value.toString())
                ? new FoundIndicator("mac-address", found, value.toString(), chain.start, chain.end)
                : null;
    }

    /** A single word: a digest, a CVE, an AS number or a MAC address with hyphens; {@code null} if none. */
    static FoundIndicator word(CharSequence text, int from, int to) {
        int length = to - from;
        if (allHex(text, from, to)) {
            String type = switch (length) {
                case 32 -> "md5";
                case 40 -> "sha1";
                case 64 -> "sha256";
                case 128 -> "sha512";
                default -> null;
            };
            if (type == null) {
                return null;
            }
            String found = text.subSequence(from, to).toString();
            return ServiceRules.accepts(type, found) ? new FoundIndicator(type, found, found, from, to) : null;
        }
        if (length == 17) {
            return hyphenMac(text, from, to);
        }
        if (length >= 13 && startsWithIgnoreCase(text, from, "cve-")) {
            return cve(text, from, to);
        }
        if (length >= 3 && startsWithIgnoreCase(text, from, "as")) {
            return asn(text, from, to);
        }
        return null;
    }

    private static FoundIndicator hyphenMac(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            boolean separator = (i - from) % 3 == 2;
            char c = text.charAt(i);
            if (separator ? c != '-' : !Chars.isHex(c)) {
                return null;
            }
        }
        String found = text.subSequence(from, to).toString();
        String value = found.toUpperCase(Locale.ROOT);
        return ServiceRules.accepts("mac-address", value)
                ? new FoundIndicator("mac-address", found, value, from, to)
                : null;
    }

    /** {@code CVE-YYYY-NNNN...}: four digits of year, four or more of sequence. */
    private static FoundIndicator cve(CharSequence text, int from, int to) {
        int yearEnd = from + 8;
        if (!allDigits(text, from + 4, yearEnd) || text.charAt(yearEnd) != '-' || to - yearEnd - 1 < 4
                || !allDigits(text, yearEnd + 1, to)) {
            return null;
        }
        String found = text.subSequence(from, to).toString();
        String value = found.toUpperCase(Locale.ROOT);
        return ServiceRules.accepts("cve", value) ? new FoundIndicator("cve", found, value, from, to) : null;
    }

    /** {@code AS13335} or {@code ASN13335}: a 32-bit AS number without leading zeros; the value is the digits. */
    private static FoundIndicator asn(CharSequence text, int from, int to) {
        int digits = from + 2;
        if (digits < to && (text.charAt(digits) == 'n' || text.charAt(digits) == 'N')) {
            digits++;
        }
        int count = to - digits;
        if (count < 1 || count > 10 || text.charAt(digits) == '0' || !allDigits(text, digits, to)) {
            return null;
        }
        String number = text.subSequence(digits, to).toString();
        if (Long.parseLong(number) > MAX_ASN || !ServiceRules.accepts("asn", new RawValue.Number(number))) {
            return null;
        }
        return new FoundIndicator("asn", text.subSequence(from, to).toString(), number, from, to);
    }

    private static boolean allHex(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Chars.isHex(text.charAt(i))) {
                return false;
            }
        }
        return to > from;
    }

    private static boolean allDigits(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Chars.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return to > from;
    }

    private static boolean startsWithIgnoreCase(CharSequence text, int from, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            char c = text.charAt(from + i);
            if (Character.toLowerCase(c) != prefix.charAt(i) || c > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
