package io.threatingest.domain.value;

/** The {@code Integer} data type: a JSON integer that fits 64 bits, hashed as its base-10 text. */
public final class IntegerNormaliser implements Normaliser {

    public static final IntegerNormaliser INSTANCE = new IntegerNormaliser();

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        if (raw instanceof RawValue.Number number && number.isIntegerLiteral()) {
            try {
                long value = Long.parseLong(number.literal());
                return new NormalisedValue(value, Long.toString(value));
            } catch (NumberFormatException e) {
                throw new InvalidValueException("integer out of 64-bit range: " + number.literal());
            }
        }
        throw new InvalidValueException("expected an integer, got " + raw.describe());
    }
}
