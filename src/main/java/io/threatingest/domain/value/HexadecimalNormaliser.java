package io.threatingest.domain.value;

/** The {@code Hexadecimal} data type: Go lowercase, then an even number of hex digits (none is allowed). */
public final class HexadecimalNormaliser implements Normaliser {

    public static final HexadecimalNormaliser INSTANCE = new HexadecimalNormaliser();

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        String value = GoText.lower(Normaliser.requireText(raw));
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!GoText.isLowerHex(c)) {
                throw new InvalidValueException("encoding/hex: invalid byte: U+" + String.format("%04X", (int) c));
            }
        }
        if (value.length() % 2 != 0) {
            throw new InvalidValueException("encoding/hex: odd length hex string");
        }
        return NormalisedValue.ofText(value);
    }
}
