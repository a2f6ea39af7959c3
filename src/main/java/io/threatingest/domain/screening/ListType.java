package io.threatingest.domain.screening;

import java.util.Locale;

/** How a list's entries match a value (the {@code type} of a MISP warninglist). */
public enum ListType {

    /** The normalised value equals an entry. */
    STRING,
    /** The value contains an entry. */
    SUBSTRING,
    /** The value is a listed host name or a name below one (also the host of a URL, the domain of an address). */
    HOSTNAME,
    /** The address, or the whole range, lies inside a listed CIDR range. */
    CIDR,
    /** An entry, a regular expression (RE2 syntax, optionally written {@code /.../flags}), finds a match. */
    REGEX;

    /** The type of a list file's {@code type}: one of the above in lower case, or {@code list} (as string). */
    public static ListType fromName(String name) {
        if ("list".equals(name)) {
            return STRING;
        }
        for (ListType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("type must be string, substring, hostname, cidr, regex or list, got "
                + name);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
