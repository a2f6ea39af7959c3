package io.threatingest.support;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.threatingest.domain.DataType;
import io.threatingest.domain.value.RawValue;

/** One representative valid value for each of the 36 data types, with an entity type that uses it. */
public final class DataTypeSamples {

    /**
     * @param input the value as sent; for Integer and Float types the JSON number literal
     * @param expected the normalised text, which is hashed into the ID
     */
    public record Sample(DataType dataType, String entityType, String input, String expected, List<String> more) {

        public boolean numeric() {
            return dataType == DataType.INTEGER || dataType == DataType.FLOAT;
        }

        public RawValue raw() {
            return raw(input);
        }

        public RawValue raw(String value) {
            return numeric() ? new RawValue.Number(value) : RawValue.text(value);
        }

        /** The value as a JSON literal, for request bodies. */
        public String json() {
            return numeric() ? input : "\"" + input.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    private static final Map<DataType, Sample> SAMPLES = new EnumMap<>(DataType.class);

    private static void add(DataType type, String entity, String input, String expected, String... more) {
        SAMPLES.put(type, new Sample(type, entity, input, expected, List.of(more)));
    }

    static {
        add(DataType.CASE_SENSITIVE_STRING, "command", "Invoke-Expression $Payload", "Invoke-Expression $Payload",
                "a\u0000b", "x");
        add(DataType.STRING, "malware", "Emotet LOADER", "emotet loader", "ΟΔΟΣ", "Tab\there");
        add(DataType.IP, "ip", "2001:DB8::1", "2001:db8::1", "8.8.8.8", "::ffff:1.1.1.1", "64:ff9b::8.8.8.8");
        add(DataType.CIDR, "cidr", "8.8.8.8/24", "8.8.8.0/24", "2001:db8:1234::1/48", "1.2.3.4/32");
        add(DataType.FQDN, "domain", "Evil.Example.COM", "evil.example.com", "a--b.co", "xn--bcher-kva.de");
        add(DataType.URL, "url", "HTTPS://Example.com/a b?q=1", "https://example.com/a%20b?q=1", "*", "/x/y",
                "mailto:x@y.z", "http://u:p@h.org:8080/p%2F?#");
        add(DataType.EMAIL, "email-address", "Jane Doe <Jane@Example.COM>", "jane@example.com", "a@b.c", "<x@y>");
        add(DataType.MD5, "md5", "D41D8CD98F00B204E9800998ECF8427E", "d41d8cd98f00b204e9800998ecf8427e",
                "0123456789abcdef");
        add(DataType.SHA1, "sha1", "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709",
                "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        add(DataType.SHA224, "sha224", "d".repeat(56), "d".repeat(56));
        add(DataType.SHA256, "sha256", "E".repeat(64), "e".repeat(64));
        add(DataType.SHA384, "sha384", "f".repeat(96), "f".repeat(96));
        add(DataType.SHA512, "sha512", "0".repeat(128), "0".repeat(128));
        add(DataType.SHA3_224, "sha3-224", "1".repeat(56), "1".repeat(56));
        add(DataType.SHA3_256, "sha3-256", "2".repeat(64), "2".repeat(64));
        add(DataType.SHA3_384, "sha3-384", "3".repeat(96), "3".repeat(96));
        add(DataType.SHA3_512, "sha3-512", "4".repeat(128), "4".repeat(128));
        add(DataType.SHA512_224, "sha512-224", "5".repeat(56), "5".repeat(56));
        add(DataType.SHA512_256, "sha512-256", "6".repeat(64), "6".repeat(64));
        add(DataType.UUID_MD5_SHA3_256, "file", "{12345678-1234-1234-1234-123456789ABC}",
                "12345678-1234-1234-1234-123456789abc", "0123456789abcdef0123456789abcdef");
        add(DataType.UUID, "breach", "urn:uuid:12345678-1234-1234-1234-123456789ABC",
                "12345678-1234-1234-1234-123456789abc", "12345678123412341234123456789abc");
        add(DataType.HEXADECIMAL, "hex", "DEADBEEF", "deadbeef", "00ff");
        add(DataType.BASE64, "base64", "aGVsbG8=", "aGVsbG8=", "Zh==", "QUJD");
        add(DataType.DATE, "date", "2024-02-29", "2024-02-29", "1999-12-31");
        add(DataType.DATETIME, "datetime", "2024-01-02T16:30:15.120+02:00", "2024-01-02T16:30:15.12+02:00",
                "2024-01-02T14:30:15Z");
        add(DataType.MAC, "mac-address", "00-1a-2b-3c-4d-5e", "00-1A-2B-3C-4D-5E");
        add(DataType.MIME_TYPE, "mime-type", "Image/SVG+XML", "image/svg+xml", "application/json");
        add(DataType.PHONE, "phone", "+1 (555) 123-4567", "+1 (555) 123-4567", "+15551234567");
        add(DataType.PORT, "port", "443/TCP", "443/tcp", "53/udp");
        add(DataType.PATH, "path", "C:\\Windows\\System32\\EVIL.dll", "c:\\windows\\system32\\evil.dll", "/usr/bin");
        add(DataType.INTEGER, "asn", "15169", "15169", "-10", "0");
        add(DataType.FLOAT, "size-in-bytes", "1048576", "1.048576e+06", "40.7128", "1e-05", "-0");
        add(DataType.CITY, "city", "WINSTON-SALEM", "Winston-Salem", "st. louis");
        add(DataType.COUNTRY, "country", "united states", "United States", "SÃO TOMÉ");
        add(DataType.ADVERSARY, "adversary", "APT28", "APT28", "Lazarus Group", "10.0.0.1");
        add(DataType.REGEX, "pattern-in-file", "(?P<stage>drop|exec)er_[0-9]{2,4}", "(?P<stage>drop|exec)er_[0-9]{2,4}",
                "a+b*");
        if (SAMPLES.size() != DataType.values().length) {
            throw new IllegalStateException("a data type has no sample");
        }
    }

    private DataTypeSamples() {
    }

    public static Sample of(DataType type) {
        return SAMPLES.get(type);
    }

    public static List<Sample> all() {
        return List.copyOf(SAMPLES.values());
    }
}
