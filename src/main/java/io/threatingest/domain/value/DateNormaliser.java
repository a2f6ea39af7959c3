package io.threatingest.domain.value;

/** The {@code Date} data type: {@code YYYY-MM-DD}, a real Gregorian date, printed back the same way. */
public final class DateNormaliser implements Normaliser {

    public static final DateNormaliser INSTANCE = new DateNormaliser();

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        return NormalisedValue.ofText(GoTime.normaliseDate(Normaliser.requireText(raw)));
    }
}
