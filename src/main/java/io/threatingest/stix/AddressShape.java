package io.threatingest.stix;

/**
 * Which SCO type a bare value a domain resolves to is. The shapes cannot overlap: an IPv6 address has a colon, which
 * no domain has, and an IPv4 address (or network) is digits, dots and a slash only, while a domain needs letters in
 * its last label.
 */
final class AddressShape {

    private AddressShape() {
    }

    static String stixType(String value) {
        if (value.indexOf(':') >= 0) {
            return "ipv6-addr";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != '/') {
                return "domain-name";
            }
        }
        return "ipv4-addr";
    }
}
