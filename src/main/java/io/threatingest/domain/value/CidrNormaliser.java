package io.threatingest.domain.value;

/**
 * The {@code CIDR} data type (Go {@code net.ParseCIDR}): the address as written must be a public IP by the
 * {@code IP} rules; the normalised value is the network (host bits cleared) and the prefix length.
 */
public final class CidrNormaliser implements Normaliser {

    public static final CidrNormaliser INSTANCE = new CidrNormaliser();

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        String value = GoText.lower(Normaliser.requireText(raw));
        int slash = value.indexOf('/');
        if (slash < 0) {
            throw invalid(value);
        }
        IpAddress address = IpAddress.parse(value.substring(0, slash));
        int prefix = parsePrefix(value, slash + 1);
        if (address == null || prefix < 0 || prefix > (address.writtenAsIpv4() ? 32 : 128)) {
            throw invalid(value);
        }
        String rejected = address.rejectedKind();
        if (rejected != null) {
            throw new InvalidValueException("cannot accept " + rejected + " IP: " + value.substring(0, slash));
        }
        return NormalisedValue.ofText(networkText(address.masked(prefix), address.writtenAsIpv4(), prefix));
    }

    /** Go's {@code dtoi}: one or more ASCII digits (leading zeros allowed) and nothing else; -1 otherwise. */
    private static int parsePrefix(String value, int from) {
        if (from >= value.length()) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
            if (n >= 0xFFFFFF) {
                return -1;
            }
        }
        return n;
    }

    /**
     * Go's {@code IPNet.String}: a network that is IPv4-mapped prints as dotted IPv4 with the prefix counted in
     * its last 32 bits, whatever form the address was written in.
     */
    private static String networkText(IpAddress network, boolean writtenAsIpv4, int prefix) {
        if (network.isIpv4() && !writtenAsIpv4) {
            return network + "/" + Math.max(0, prefix - 96);
        }
        return network + "/" + prefix;
    }

    private static InvalidValueException invalid(String value) {
        return new InvalidValueException("invalid CIDR address: " + value);
    }
}
