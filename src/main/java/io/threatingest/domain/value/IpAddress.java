package io.threatingest.domain.value;

/**
 * A literal IP address parsed with the rules of Go's {@code net.ParseIP}: strict dotted IPv4 (no leading
 * zeros, no short forms), IPv6 with at most one {@code ::} standing for at least one zero group and an optional
 * trailing dotted IPv4, no zone, no brackets. Always held as 16 bytes, IPv4 as {@code ::ffff:a.b.c.d}.
 */
public final class IpAddress {

    private final byte[] bytes;
    private final boolean writtenAsIpv4;

    private IpAddress(byte[] bytes, boolean writtenAsIpv4) {
        this.bytes = bytes;
        this.writtenAsIpv4 = writtenAsIpv4;
    }

    /** The parsed address, or {@code null} when the text is not a literal IP address. */
    public static IpAddress parse(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                byte[] b = new byte[16];
                b[10] = (byte) 0xff;
                b[11] = (byte) 0xff;
                return parseIpv4(s, 0, s.length(), b, 12) ? new IpAddress(b, true) : null;
            }
            if (c == ':') {
                return parseIpv6(s);
            }
            if (c == '%') {
                return null;
            }
        }
        return null;
    }

    private static boolean parseIpv4(String s, int from, int to, byte[] out, int at) {
        int value = 0;
        int digits = 0;
        int field = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && value == 0) {
                    return false;
                }
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) {
                    return false;
                }
            } else if (c == '.') {
                if (i == from || i == to - 1 || s.charAt(i - 1) == '.' || field == 3) {
                    return false;
                }
                out[at + field++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return false;
            }
        }
        if (field < 3) {
            return false;
        }
        out[at + 3] = (byte) value;
        return true;
    }

    private static IpAddress parseIpv6(String s) {
        if (s.indexOf('%') >= 0) {
            return null;
        }
        byte[] ip = new byte[16];
        int ellipsis = -1;
        int pos = 0;
        int n = s.length();
        if (n >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            ellipsis = 0;
            pos = 2;
            if (pos == n) {
                return new IpAddress(ip, false);
            }
        }
        int i = 0;
        while (i < 16) {
            int off = 0;
            int acc = 0;
            while (pos + off < n) {
                int digit = GoText.hexValue(s.charAt(pos + off));
                if (digit < 0) {
                    break;
                }
                if (off > 3) {
                    return null;
                }
                acc = (acc << 4) | digit;
                off++;
            }
            if (off == 0) {
                return null;
            }
            if (pos + off < n && s.charAt(pos + off) == '.') {
                if ((ellipsis < 0 && i != 12) || i + 4 > 16) {
                    return null;
                }
                if (!parseIpv4(s, pos, n, ip, i)) {
                    return null;
                }
                pos = n;
                i += 4;
                break;
            }
            ip[i] = (byte) (acc >> 8);
            ip[i + 1] = (byte) acc;
            i += 2;
            pos += off;
            if (pos == n) {
                break;
            }
            if (s.charAt(pos) != ':' || pos + 1 == n) {
                return null;
            }
            pos++;
            if (s.charAt(pos) == ':') {
                if (ellipsis >= 0) {
                    return null;
                }
                ellipsis = i;
                pos++;
                if (pos == n) {
                    break;
                }
            }
        }
        if (pos != n) {
            return null;
        }
        if (i < 16) {
            if (ellipsis < 0) {
                return null;
            }
            int shift = 16 - i;
            for (int j = i - 1; j >= ellipsis; j--) {
                ip[j + shift] = ip[j];
            }
            for (int j = ellipsis; j < ellipsis + shift; j++) {
                ip[j] = 0;
            }
        } else if (ellipsis >= 0) {
            return null;
        }
        return new IpAddress(ip, false);
    }

    /** True for IPv4 and IPv4-mapped IPv6 addresses ({@code ::ffff:0:0/96}), which print as dotted decimal. */
    public boolean isIpv4() {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    /** True when the text was dotted IPv4 (Go's {@code Is4}), as opposed to any IPv6 form. */
    public boolean writtenAsIpv4() {
        return writtenAsIpv4;
    }

    public int byteAt(int index) {
        return bytes[index] & 0xff;
    }

    /** The kind of address the reference refuses, checked in the reference's order, or {@code null}. */
    public String rejectedKind() {
        if (isIpv4()) {
            int a = byteAt(12);
            int b = byteAt(13);
            int c = byteAt(14);
            if (a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168)) {
                return "private";
            }
            if (a == 224 && b == 0 && c == 0) {
                return "link local multicast";
            }
            if (a == 169 && b == 254) {
                return "link local unicast";
            }
            if (a == 127) {
                return "loopback";
            }
            if ((a & 0xf0) == 0xe0) {
                return "multicast";
            }
            if (a == 0 && b == 0 && c == 0 && byteAt(15) == 0) {
                return "unspecified";
            }
            return null;
        }
        int first = byteAt(0);
        int second = byteAt(1);
        if ((first & 0xfe) == 0xfc) {
            return "private";
        }
        if (first == 0xff && (second & 0x0f) == 0x01) {
            return "interface local multicast";
        }
        if (first == 0xff && (second & 0x0f) == 0x02) {
            return "link local multicast";
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return "link local unicast";
        }
        if (isAllZeroUpTo(15) && byteAt(15) == 1) {
            return "loopback";
        }
        if (first == 0xff) {
            return "multicast";
        }
        if (isAllZeroUpTo(16)) {
            return "unspecified";
        }
        return null;
    }

    private boolean isAllZeroUpTo(int end) {
        for (int i = 0; i < end; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The address with every bit after the first {@code prefixBits} cleared, the prefix counted in the family
     * the address was written in (32 bits for dotted IPv4, 128 for IPv6 forms).
     */
    public IpAddress masked(int prefixBits) {
        byte[] out = bytes.clone();
        int from = (writtenAsIpv4 ? 96 : 0) + prefixBits;
        for (int bit = from; bit < 128; bit++) {
            out[bit >> 3] &= (byte) ~(0x80 >> (bit & 7));
        }
        return new IpAddress(out, writtenAsIpv4);
    }

    /** Go {@code net.IP.String}: dotted decimal for IPv4, RFC 5952 for the rest. */
    @Override
    public String toString() {
        if (isIpv4()) {
            return byteAt(12) + "." + byteAt(13) + "." + byteAt(14) + "." + byteAt(15);
        }
        int bestStart = -1;
        int bestEnd = -1;
        for (int i = 0; i < 16; i += 2) {
            int j = i;
            while (j < 16 && bytes[j] == 0 && bytes[j + 1] == 0) {
                j += 2;
            }
            if (j > i && j - i > bestEnd - bestStart) {
                bestStart = i;
                bestEnd = j;
                i = j;
            }
        }
        if (bestEnd - bestStart <= 2) {
            bestStart = -1;
            bestEnd = -1;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 16; i += 2) {
            if (i == bestStart) {
                out.append("::");
                i = bestEnd;
                if (i >= 16) {
                    break;
                }
            } else if (i > 0) {
                out.append(':');
            }
            out.append(Integer.toHexString((byteAt(i) << 8) | byteAt(i + 1)));
        }
        return out.toString();
    }
}
