package io.threatingest.domain.value;

/**
 * The {@code UUID|MD5|SHA3-256} data type of {@code file}: the first of MD5 (32 or 16 hex), SHA3-256 (64 hex)
 * and UUID that accepts the value decides its normalised form, so a 32-hex value stays un-hyphenated.
 */
public final class FileIdentifierNormaliser implements Normaliser {

    public static final FileIdentifierNormaliser INSTANCE = new FileIdentifierNormaliser();

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        String value = GoText.lower(Normaliser.requireText(raw));
        if (HexDigestNormaliser.MD5.matches(value) || HexDigestNormaliser.BITS_256.matches(value)) {
            return NormalisedValue.ofText(value);
        }
        try {
            return NormalisedValue.ofText(UuidNormaliser.canonical(value));
        } catch (InvalidValueException e) {
            throw new InvalidValueException("invalid object: " + value);
        }
    }
}
