package io.threatingest.domain.value;

/**
 * The {@code Adversary} data type (adversary, group): a name, kept exactly as given, that must not be
 * something else: a value that passes the URL, UUID, Email, IP, Phone or FQDN rules is refused.
 */
public final class AdversaryNormaliser implements Normaliser {

    public static final AdversaryNormaliser INSTANCE = new AdversaryNormaliser();

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        String value = Normaliser.requireText(raw);
        if (looksLikeAnotherType(value)) {
            throw new InvalidValueException("invalid adversary: " + value);
        }
        return NormalisedValue.ofText(value);
    }

    private static boolean looksLikeAnotherType(String value) {
        String lower = GoText.lower(value);
        return passes(() -> UrlNormaliser.normalise(value))
                || passes(() -> UuidNormaliser.canonical(lower))
                || passes(() -> EmailNormaliser.parse(lower))
                || passes(() -> IpNormaliser.parsePublic(lower))
                || PatternNormaliser.PHONE.matches(value)
                || FqdnNormaliser.matches(lower);
    }

    private interface Check {

        Object run() throws InvalidValueException;
    }

    private static boolean passes(Check check) {
        try {
            check.run();
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }
}
