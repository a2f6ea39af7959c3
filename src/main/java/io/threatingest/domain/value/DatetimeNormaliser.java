package io.threatingest.domain.value;

/**
 * The {@code Datetime} data type: RFC 3339 with optional fraction, read and printed as Go's
 * {@code RFC3339Nano}. The offset is kept (no conversion to UTC); a zero offset prints as {@code Z}; trailing
 * fraction zeros are dropped.
 */
public final class DatetimeNormaliser implements Normaliser {

    public static final DatetimeNormaliser INSTANCE = new DatetimeNormaliser();

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        return NormalisedValue.ofText(GoTime.normaliseDatetime(Normaliser.requireText(raw)));
    }
}
