package io.threatingest.domain.value;

/**
 * The {@code FQDN} data type, as a linear scanner with the acceptance of the reference's RE2 pattern
 * {@code ^(?i)[a-z0-9]+(([-]{1,2}[a-z0-9]+)*([\.]{1}[a-z0-9]+)*)*(\.[a-z]{2,20})$} applied after a Go lowercase:
 * runs of letters and digits joined by one or two hyphens or by single dots, then a dot and a last label of
 * 2 to 20 letters. No length limits. Under {@code (?i)}, RE2 also lets U+017F (long s) match {@code [a-z]}.
 */
public final class FqdnNormaliser implements Normaliser {

    public static final FqdnNormaliser INSTANCE = new FqdnNormaliser();

    static final String PATTERN = "^(?i)[a-z0-9]+(([-]{1,2}[a-z0-9]+)*([\\.]{1}[a-z0-9]+)*)*(\\.[a-z]{2,20})$";

    private static final char LONG_S = '\u017F';

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        String value = GoText.lower(Normaliser.requireText(raw));
        if (!matches(value)) {
            throw new InvalidValueException("value '" + value + "' does not match with regexp '" + PATTERN + "'");
        }
        return NormalisedValue.ofText(value);
    }

    /** Whether an already lowercased text is a domain name by the reference's rule. */
    public static boolean matches(String value) {
        int lastDot = value.lastIndexOf('.');
        if (lastDot <= 0) {
            return false;
        }
        int tldLength = value.length() - lastDot - 1;
        if (tldLength < 2 || tldLength > 20) {
            return false;
        }
        for (int i = lastDot + 1; i < value.length(); i++) {
            if (!isLetter(value.charAt(i))) {
                return false;
            }
        }
        return isLabelSequence(value, lastDot);
    }

    /** {@code [a-z0-9]+} runs separated by "-", "--" or ".", over {@code value[0, end)}. */
    private static boolean isLabelSequence(String value, int end) {
        char previous = '.';
        int hyphens = 0;
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c == '-') {
                if (previous == '.' || ++hyphens > 2) {
                    return false;
                }
            } else if (c == '.') {
                if (previous == '.' || previous == '-') {
                    return false;
                }
            } else if (isLetter(c) || (c >= '0' && c <= '9')) {
                hyphens = 0;
            } else {
                return false;
            }
            previous = c;
        }
        return previous != '.' && previous != '-';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || c == LONG_S;
    }
}
