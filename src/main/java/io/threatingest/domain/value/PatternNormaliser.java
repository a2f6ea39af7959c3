package io.threatingest.domain.value;

import com.google.re2j.Pattern;

/**
 * Data types defined by a case mapping and a whole-value regular expression, matched with RE2/J: the same
 * RE2 semantics as the reference (linear time, {@code \s} without vertical tab).
 */
public final class PatternNormaliser implements Normaliser {

    /** Uppercase, then six hyphen-separated pairs of hex digits. */
    public static final PatternNormaliser MAC = new PatternNormaliser(Case.UPPER, "^([0-9A-F]{2}-){5}[0-9A-F]{2}$");

    /** Lowercase, a letters-only type and a subtype of alphanumeric chunks (the class holds the range +-.). */
    public static final PatternNormaliser MIME_TYPE = new PatternNormaliser(Case.LOWER,
            "^([a-z]+)/([a-z0-9]+[a-z0-9+-.][a-z0-9]+)+$");

    /** No case mapping: international number with optional area code and up to three digit groups. */
    public static final PatternNormaliser PHONE = new PatternNormaliser(Case.KEEP,
            "^([+][1-9][0-9]{0,2})([\\s]?[(][1-9][0-9]{0,3}[)])?([\\s]?[-]?[0-9]{1,4}){1,3}$");

    private enum Case {
        UPPER, LOWER, KEEP
    }

    private final Case caseMapping;
    private final String source;
    private final Pattern pattern;

    private PatternNormaliser(Case caseMapping, String source) {
        this.caseMapping = caseMapping;
        this.source = source;
        this.pattern = Pattern.compile(source);
    }

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        String value = Normaliser.requireText(raw);
        if (caseMapping == Case.UPPER) {
            value = GoText.upper(value);
        } else if (caseMapping == Case.LOWER) {
            value = GoText.lower(value);
        }
        if (!matches(value)) {
            throw new InvalidValueException("value '" + value + "' does not match with regexp '" + source + "'");
        }
        return NormalisedValue.ofText(value);
    }

    /** Whether the text, already case-mapped, matches as a whole. */
    boolean matches(String value) {
        return pattern.matcher(value).matches();
    }
}
