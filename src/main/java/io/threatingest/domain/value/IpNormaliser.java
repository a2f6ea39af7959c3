package io.threatingest.domain.value;

/** The {@code IP} data type: a literal, publicly routable address in Go's canonical text. */
public final class IpNormaliser implements Normaliser {

    public static final IpNormaliser INSTANCE = new IpNormaliser();

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        return NormalisedValue.ofText(parsePublic(GoText.lower(Normaliser.requireText(raw))).toString());
    }

    /** Parses a lowercased address and refuses the kinds the reference refuses. */
    static IpAddress parsePublic(String value) throws InvalidValueException {
        IpAddress address = IpAddress.parse(value);
        if (address == null) {
            throw new InvalidValueException("invalid IP: " + value);
        }
        String rejected = address.rejectedKind();
        if (rejected != null) {
            throw new InvalidValueException("cannot accept " + rejected + " IP: " + value);
        }
        return address;
    }
}
