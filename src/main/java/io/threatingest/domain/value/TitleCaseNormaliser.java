package io.threatingest.domain.value;

/**
 * The {@code City} and {@code Country} data types: any text, Go lowercase, then English title case as
 * golang.org/x/text/cases applies it: the first cased letter of a word is title-cased; letters, digits,
 * marks and connectors continue a word; apostrophes, periods and colons continue it too unless two of them
 * meet; every other character (space, hyphen, comma, ...) ends it.
 */
public final class TitleCaseNormaliser implements Normaliser {

    public static final TitleCaseNormaliser INSTANCE = new TitleCaseNormaliser();

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        return NormalisedValue.ofText(title(GoText.lower(Normaliser.requireText(raw))));
    }

    static String title(String lowered) {
        StringBuilder out = new StringBuilder(lowered.length());
        boolean inWord = false;
        boolean previousMid = false;
        for (int i = 0; i < lowered.length();) {
            int cp = lowered.codePointAt(i);
            boolean mid = isMid(cp);
            if (previousMid && mid) {
                inWord = false;
            }
            if (isCased(cp)) {
                if (inWord) {
                    out.appendCodePoint(Character.toLowerCase(cp));
                } else {
                    appendTitle(out, cp);
                    inWord = true;
                }
            } else {
                out.appendCodePoint(cp);
                if (!mid && isBreak(cp)) {
                    inWord = false;
                }
            }
            previousMid = mid;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static void appendTitle(StringBuilder out, int cp) {
        int title = Character.toTitleCase(cp);
        String upper = new String(Character.toChars(cp)).toUpperCase(java.util.Locale.ROOT);
        if (title == cp && upper.codePointCount(0, upper.length()) > 1) {
            // Full title mappings such as "ß" -> "Ss" and "ﬁ" -> "Fi".
            int first = upper.codePointAt(0);
            out.appendCodePoint(first).append(GoText.lower(upper.substring(Character.charCount(first))));
        } else {
            out.appendCodePoint(title);
        }
    }

    private static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    /** Word_Break MidLetter, MidNumLet or Single_Quote. */
    private static boolean isMid(int cp) {
        switch (cp) {
            case '\'', '.', ':', 0x00B7, 0x0387, 0x055F, 0x05F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13, 0xFE52,
                    0xFE55, 0xFF07, 0xFF0E, 0xFF1A :
                return true;
            default :
                return false;
        }
    }

    /** Anything that is neither a word character (letter, digit, mark, connector, format) nor a Mid. */
    private static boolean isBreak(int cp) {
        switch (Character.getType(cp)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK, Character.CONNECTOR_PUNCTUATION, Character.FORMAT :
                return false;
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.LETTER_NUMBER :
                return !isWordBreakOther(cp);
            default :
                return cp != 0x202F;
        }
    }

    /** Letters whose Word_Break is not ALetter: ideographs, kana and scripts written without spaces. */
    private static boolean isWordBreakOther(int cp) {
        if (Character.isIdeographic(cp)) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        switch (script) {
            case HIRAGANA, KATAKANA, THAI, LAO, MYANMAR, KHMER, TAI_THAM, TAI_VIET, NEW_TAI_LUE, TAI_LE :
                return true;
            default :
                return false;
        }
    }
}
