package io.threatingest.domain.value;

/** The {@code Port} data type: Go lowercase, then {@code <1-65535 without leading zeros>/<tcp|udp>}. */
public final class PortNormaliser implements Normaliser {

    public static final PortNormaliser INSTANCE = new PortNormaliser();

    static final String PATTERN = "^([1-9][0-9]{0,4})/(tcp|udp)$";

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        String value = GoText.lower(Normaliser.requireText(raw));
        int slash = value.indexOf('/');
        if (slash < 1 || slash > 5 || value.charAt(0) == '0') {
            throw mismatch(value);
        }
        int number = 0;
        for (int i = 0; i < slash; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw mismatch(value);
            }
            number = number * 10 + (c - '0');
        }
        String protocol = value.substring(slash + 1);
        if (number > 65_535 || !(protocol.equals("tcp") || protocol.equals("udp"))) {
            throw mismatch(value);
        }
        return NormalisedValue.ofText(value);
    }

    private static InvalidValueException mismatch(String value) {
        return new InvalidValueException("value '" + value + "' is not a port: expected <1-65535>/<tcp|udp>");
    }
}
