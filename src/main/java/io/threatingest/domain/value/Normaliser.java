package io.threatingest.domain.value;

/** Validates one raw value of a data type and gives its normalised form. Implementations are stateless. */
@FunctionalInterface
public interface Normaliser {

    NormalisedValue normalise(RawValue raw) throws InvalidValueException;

    /** The string inside a JSON string value, or a rejection naming what arrived instead. */
    static String requireText(RawValue raw) throws InvalidValueException {
        if (raw instanceof RawValue.Text text) {
            return text.value();
        }
        throw new InvalidValueException("expected a string, got " + raw.describe());
    }
}
