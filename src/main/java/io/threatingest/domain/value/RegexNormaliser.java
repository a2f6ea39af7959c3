package io.threatingest.domain.value;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * The {@code Regex} data type: the value must compile as an RE2 expression (Go {@code regexp.Compile}) and is
 * kept verbatim. Go's limits are checked before RE2/J compiles anything, because RE2/J expands counted
 * repetitions eagerly: nesting deeper than 1000 and programs larger than Go's size budget are refused.
 *
 * <p>Beyond the reference, a value may not exceed {@value #MAX_UTF8_BYTES} UTF-8 bytes: RE2/J's parser is
 * quadratic on some long inputs (long literal runs, long character classes), and this bound keeps the worst
 * case near a third of a second.
 */
public final class RegexNormaliser implements Normaliser {

    public static final RegexNormaliser INSTANCE = new RegexNormaliser();

    /** Go regexp/syntax: 128 MiB of program at 40 bytes an instruction. */
    static final long MAX_SIZE = (128L << 20) / 40;
    static final int MAX_DEPTH = 1000;
    public static final int MAX_UTF8_BYTES = 16_384;

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        String value = Normaliser.requireText(raw);
        if (GoText.utf8Length(value) > MAX_UTF8_BYTES) {
            throw new InvalidValueException("regular expression exceeds " + MAX_UTF8_BYTES + " bytes");
        }
        RegexSize.check(value, MAX_DEPTH, MAX_SIZE);
        try {
            Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new InvalidValueException(e.getMessage());
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw new InvalidValueException("error parsing regexp: expression too large");
        }
        return NormalisedValue.ofText(value);
    }
}
