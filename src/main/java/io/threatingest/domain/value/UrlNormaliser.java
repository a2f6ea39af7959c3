package io.threatingest.domain.value;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code URL} data type: a port of Go's {@code url.ParseRequestURI} (Go 1.25) followed by lowercasing the
 * scheme and host and printing with {@code URL.String()}. Request-URI semantics: no fragments ({@code #} is a
 * plain character), {@code *} is valid, a path must be absolute unless the URL has a scheme (then it is opaque),
 * the path is re-escaped only when its raw form is not validly encoded, and the query is kept byte for byte.
 * Works on UTF-8 bytes, as Go does.
 */
public final class UrlNormaliser implements Normaliser {

    public static final UrlNormaliser INSTANCE = new UrlNormaliser();

    private enum Mode {
        PATH, HOST, ZONE, USER_PASSWORD
    }

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        return NormalisedValue.ofText(normalise(Normaliser.requireText(raw)));
    }

    /** The normalised URL, or the reason the text is not a request URI. */
    public static String normalise(String value) throws InvalidValueException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw error(value, "net/url: invalid control character in URL");
            }
        }
        if (value.isEmpty()) {
            throw error(value, "empty url");
        }
        if (value.equals("*")) {
            return "*";
        }
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        int schemeEnd = schemeEnd(raw, value);
        String scheme = schemeEnd < 0 ? "" : asciiLower(new String(raw, 0, schemeEnd, StandardCharsets.US_ASCII));
        int restStart = schemeEnd < 0 ? 0 : schemeEnd + 1;
        int restEnd = raw.length;

        boolean forceQuery = false;
        int queryStart = -1;
        int firstQuestion = indexOf(raw, (byte) '?', restStart, restEnd);
        if (firstQuestion == restEnd - 1 && firstQuestion >= restStart) {
            forceQuery = true;
            restEnd = firstQuestion;
        } else if (firstQuestion >= 0) {
            queryStart = firstQuestion + 1;
            restEnd = firstQuestion;
        }
        String query = queryStart < 0
                ? ""
                : new String(raw, queryStart, raw.length - queryStart, StandardCharsets.UTF_8);
        String querySuffix = forceQuery || !query.isEmpty() ? "?" + query : "";

        boolean rooted = restEnd > restStart && raw[restStart] == '/';
        if (!rooted) {
            if (scheme.isEmpty()) {
                throw error(value, "invalid URI for request");
            }
            return scheme + ":" + new String(raw, restStart, restEnd - restStart, StandardCharsets.UTF_8) + querySuffix;
        }

        String userinfo = null;
        String host = "";
        boolean omitHost = false;
        int pathStart = restStart;
        if (!scheme.isEmpty() && restEnd - restStart >= 2 && raw[restStart + 1] == '/') {
            int authorityStart = restStart + 2;
            int slash = indexOf(raw, (byte) '/', authorityStart, restEnd);
            int authorityEnd = slash < 0 ? restEnd : slash;
            pathStart = authorityEnd;
            int at = lastIndexOf(raw, (byte) '@', authorityStart, authorityEnd);
            host = lowerHost(parseHost(value, raw, at < 0 ? authorityStart : at + 1, authorityEnd));
            if (at >= 0) {
                userinfo = userinfo(value, raw, authorityStart, at);
            }
        } else if (!scheme.isEmpty()) {
            omitHost = true;
        }

        String path = escapedPath(value, raw, pathStart, restEnd);
        StringBuilder out = new StringBuilder(raw.length + 16);
        if (!scheme.isEmpty()) {
            out.append(scheme).append(':');
        }
        if (!scheme.isEmpty() || !host.isEmpty() || userinfo != null) {
            if (!(omitHost && host.isEmpty() && userinfo == null)) {
                if (!host.isEmpty() || !path.isEmpty() || userinfo != null) {
                    out.append("//");
                }
                if (userinfo != null) {
                    out.append(userinfo).append('@');
                }
                out.append(escape(host.getBytes(StandardCharsets.UTF_8), Mode.HOST));
            }
        }
        return out.append(path).append(querySuffix).toString();
    }

    /** Index of the ':' ending a scheme, or -1 when the text has no scheme. */
    private static int schemeEnd(byte[] raw, String value) throws InvalidValueException {
        for (int i = 0; i < raw.length; i++) {
            byte c = raw[i];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                continue;
            }
            if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    return -1;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw error(value, "missing protocol scheme");
                }
                return i;
            }
            return -1;
        }
        return -1;
    }

    private static String parseHost(String value, byte[] raw, int from, int to) throws InvalidValueException {
        int open = lastIndexOf(raw, (byte) '[', from, to);
        if (open > from) {
            throw error(value, "invalid IP-literal");
        }
        if (open == from) {
            int close = lastIndexOf(raw, (byte) ']', from, to);
            if (close < 0) {
                throw error(value, "missing ']' in host");
            }
            checkOptionalPort(value, raw, close + 1, to);
            String port = unescape(value, raw, close + 1, to, Mode.HOST);
            int zone = indexOf(raw, "%25", open + 1, close);
            String hostname = zone < 0
                    ? unescape(value, raw, open + 1, close, Mode.HOST)
                    : unescape(value, raw, open + 1, zone, Mode.HOST) + unescape(value, raw, zone, close, Mode.ZONE);
            checkIpLiteral(value, hostname);
            return "[" + hostname + "]" + port;
        }
        int colon = lastIndexOf(raw, (byte) ':', from, to);
        if (colon >= 0) {
            checkOptionalPort(value, raw, colon, to);
        }
        return unescape(value, raw, from, to, Mode.HOST);
    }

    /** Brackets may only hold an IPv6 address (IPv4-mapped allowed, zone allowed), never plain IPv4. */
    private static void checkIpLiteral(String value, String hostname) throws InvalidValueException {
        String address = hostname;
        int percent = hostname.indexOf('%');
        if (percent >= 0) {
            if (percent == hostname.length() - 1) {
                throw error(value, "invalid host: zone must be a non-empty string");
            }
            address = hostname.substring(0, percent);
        }
        IpAddress parsed = IpAddress.parse(address);
        if (parsed == null || (percent >= 0 && parsed.writtenAsIpv4())) {
            throw error(value, "invalid host: ParseAddr(\"" + hostname + "\")");
        }
        if (parsed.writtenAsIpv4()) {
            throw error(value, "invalid IP-literal");
        }
    }

    private static void checkOptionalPort(String value, byte[] raw, int from, int to) throws InvalidValueException {
        if (from == to) {
            return;
        }
        boolean valid = raw[from] == ':';
        for (int i = from + 1; valid && i < to; i++) {
            valid = raw[i] >= '0' && raw[i] <= '9';
        }
        if (!valid) {
            throw error(value, "invalid port \"" + new String(raw, from, to - from, StandardCharsets.UTF_8)
                    + "\" after host");
        }
    }

    /** Go's strings.ToLower on the decoded host bytes (invalid UTF-8 becomes U+FFFD when not all ASCII). */
    private static String lowerHost(String hostBytesAsLatin1) {
        byte[] bytes = hostBytesAsLatin1.getBytes(StandardCharsets.ISO_8859_1);
        boolean ascii = true;
        for (byte b : bytes) {
            ascii &= b >= 0;
        }
        if (ascii) {
            return asciiLower(hostBytesAsLatin1);
        }
        return GoText.lower(GoUtf8.decode(bytes));
    }

    private static String userinfo(String value, byte[] raw, int from, int to) throws InvalidValueException {
        for (int i = from; i < to;) {
            int cp;
            int width;
            byte b = raw[i];
            if (b >= 0) {
                cp = b;
                width = 1;
            } else {
                cp = -1;
                width = 1;
            }
            boolean ok = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                    || (cp >= 0 && "-._:~!$&'()*+,;=%@".indexOf(cp) >= 0);
            if (!ok) {
                throw error(value, "net/url: invalid userinfo");
            }
            i += width;
        }
        int colon = indexOf(raw, (byte) ':', from, to);
        if (colon < 0) {
            return escape(latin1Bytes(unescape(value, raw, from, to, Mode.USER_PASSWORD)), Mode.USER_PASSWORD);
        }
        String user = unescape(value, raw, from, colon, Mode.USER_PASSWORD);
        String password = unescape(value, raw, colon + 1, to, Mode.USER_PASSWORD);
        return escape(latin1Bytes(user), Mode.USER_PASSWORD) + ":" + escape(latin1Bytes(password), Mode.USER_PASSWORD);
    }

    /** Go's {@code EscapedPath} after {@code setPath}: the raw path when validly encoded, else re-escaped. */
    private static String escapedPath(String value, byte[] raw, int from, int to) throws InvalidValueException {
        byte[] decoded = latin1Bytes(unescape(value, raw, from, to, Mode.PATH));
        String rawPath = new String(raw, from, to - from, StandardCharsets.UTF_8);
        if (validEncodedPath(raw, from, to)) {
            return rawPath;
        }
        return escape(decoded, Mode.PATH);
    }

    private static boolean validEncodedPath(byte[] raw, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = raw[i];
            if ("!$&'()*+,;=:@[]%".indexOf(c) >= 0 && c > 0) {
                continue;
            }
            if (shouldEscape(c, Mode.PATH)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Go's {@code unescape}: checks escapes and decodes them. The result holds one char per byte (ISO-8859-1)
     * so that arbitrary decoded bytes survive until they are escaped again.
     */
    private static String unescape(String value, byte[] raw, int from, int to, Mode mode) throws InvalidValueException {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to;) {
            byte c = raw[i];
            if (c == '%') {
                if (i + 2 >= to || hex(raw[i + 1]) < 0 || hex(raw[i + 2]) < 0) {
                    int end = Math.min(to, i + 3);
                    throw error(value,
                            "invalid URL escape \"" + new String(raw, i, end - i, StandardCharsets.UTF_8) + "\"");
                }
                int decoded = hex(raw[i + 1]) << 4 | hex(raw[i + 2]);
                boolean isPercent25 = raw[i + 1] == '2' && raw[i + 2] == '5';
                if (mode == Mode.HOST && hex(raw[i + 1]) < 8 && !isPercent25) {
                    throw error(value, "invalid URL escape \"" + new String(raw, i, 3, StandardCharsets.UTF_8) + "\"");
                }
                if (mode == Mode.ZONE && !isPercent25 && decoded != ' ' && shouldEscape((byte) decoded, Mode.HOST)) {
                    throw error(value, "invalid URL escape \"" + new String(raw, i, 3, StandardCharsets.UTF_8) + "\"");
                }
                out.append((char) decoded);
                i += 3;
            } else {
                if ((mode == Mode.HOST || mode == Mode.ZONE) && c >= 0 && shouldEscape(c, mode)) {
                    throw error(value, "invalid character \"" + (char) c + "\" in host name");
                }
                out.append((char) (c & 0xff));
                i++;
            }
        }
        return out.toString();
    }

    private static String escape(byte[] bytes, Mode mode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 8);
        for (byte b : bytes) {
            if (shouldEscape(b, mode)) {
                out.write('%');
                out.write("0123456789ABCDEF".charAt((b >> 4) & 0xf));
                out.write("0123456789ABCDEF".charAt(b & 0xf));
            } else {
                out.write(b);
            }
        }
        return GoUtf8.ascii(out);
    }

    /** Go's {@code shouldEscape} for the modes used here. */
    private static boolean shouldEscape(byte c, Mode mode) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return false;
        }
        if (c < 0) {
            return true;
        }
        if ((mode == Mode.HOST || mode == Mode.ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        if (c == '-' || c == '_' || c == '.' || c == '~') {
            return false;
        }
        if ("$&+,/:;=?@".indexOf(c) >= 0) {
            switch (mode) {
                case PATH :
                    return c == '?';
                case USER_PASSWORD :
                    return c == '@' || c == '/' || c == '?' || c == ':';
                default :
                    return true;
            }
        }
        return true;
    }

    private static byte[] latin1Bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int hex(byte c) {
        return GoText.hexValue(c & 0xff);
    }

    private static int indexOf(byte[] raw, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] raw, String ascii, int from, int to) {
        outer : for (int i = from; i + ascii.length() <= to; i++) {
            for (int j = 0; j < ascii.length(); j++) {
                if (raw[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] raw, byte b, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (raw[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String asciiLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }

    private static InvalidValueException error(String value, String reason) {
        return new InvalidValueException("parse \"" + value + "\": " + reason);
    }
}
