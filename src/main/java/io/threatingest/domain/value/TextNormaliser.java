package io.threatingest.domain.value;

/**
 * The {@code Case-sensitive string} and {@code String} data types: a byte-based size limit, every code point
 * that is not a letter, number, punctuation, symbol or space mapped to a plain space, no trimming, and for the
 * case-insensitive variant a Go lowercase.
 */
public final class TextNormaliser implements Normaliser {

    public static final int MAX_UTF8_BYTES = 65_536;

    public static final TextNormaliser CASE_SENSITIVE = new TextNormaliser(false);
    public static final TextNormaliser CASE_INSENSITIVE = new TextNormaliser(true);

    private final boolean lowercase;

    private TextNormaliser(boolean lowercase) {
        this.lowercase = lowercase;
    }

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        String mapped = map(Normaliser.requireText(raw));
        return NormalisedValue.ofText(lowercase ? GoText.lower(mapped) : mapped);
    }

    /** Size check, character mapping and emptiness check shared by every free-text value. */
    public static String map(String value) throws InvalidValueException {
        if (GoText.utf8Length(value) > MAX_UTF8_BYTES) {
            throw new InvalidValueException("string exceeds " + MAX_UTF8_BYTES + " characters");
        }
        StringBuilder out = null;
        boolean onlySpace = true;
        int n = value.length();
        for (int i = 0; i < n;) {
            int cp = value.codePointAt(i);
            int width = Character.charCount(cp);
            boolean space = GoText.isSpace(cp);
            if (!space && !isKept(cp)) {
                if (out == null) {
                    out = new StringBuilder(n).append(value, 0, i);
                }
                out.append(' ');
                space = true;
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            onlySpace &= space;
            i += width;
        }
        if (onlySpace) {
            throw new InvalidValueException("value cannot be empty");
        }
        return out == null ? value : out.toString();
    }

    private static boolean isKept(int cp) {
        if (cp < 0x80) {
            return cp > 0x20 && cp < 0x7F;
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL :
                return true;
            default :
                return false;
        }
    }
}
