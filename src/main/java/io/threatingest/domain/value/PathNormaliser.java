package io.threatingest.domain.value;

/** The {@code Path} data type: Go lowercase; anything but a text containing {@code ://} (a URL). */
public final class PathNormaliser implements Normaliser {

    public static final PathNormaliser INSTANCE = new PathNormaliser();

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        String value = GoText.lower(Normaliser.requireText(raw));
        if (value.contains("://")) {
            throw new InvalidValueException("value is not valid path: " + value);
        }
        return NormalisedValue.ofText(value);
    }
}
