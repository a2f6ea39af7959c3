package io.threatingest.domain.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.threatingest.domain.Catalogue;
import io.threatingest.domain.EntityId;
import io.threatingest.domain.EntityType;

/**
 * Every example and rule written in the reference's section 5, for the data types beyond the ones that have a
 * test class of their own: valid inputs with their normalised text (and so their ID), invalid inputs.
 */
class DataTypeTableTest {

    private static NormalisedValue normalise(String type, String input) throws InvalidValueException {
        EntityType entityType = Catalogue.find(type);
        RawValue raw = switch (entityType.dataType()) {
            case INTEGER, FLOAT -> new RawValue.Number(input);
            default -> RawValue.text(input);
        };
        return entityType.dataType().normaliser().normalise(raw);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                // CIDR: the written address must be public; the output is the network.
                Arguments.of("cidr", "8.8.8.8/24", "8.8.8.0/24"),
                Arguments.of("cidr", "2001:DB8:1234::1/48", "2001:db8:1234::/48"),
                Arguments.of("cidr", "8.8.8.8/0", "0.0.0.0/0"),
                Arguments.of("cidr", "172.15.0.1/8", "172.0.0.0/8"),
                Arguments.of("cidr", "8.8.8.8/32", "8.8.8.8/32"),
                Arguments.of("cidr", "8.8.8.8/024", "8.8.8.0/24"),
                Arguments.of("cidr", "::ffff:8.8.8.8/120", "8.8.8.0/24"),
                // URL: request-URI semantics.
                Arguments.of("url", "https://Example.com", "https://example.com"),
                Arguments.of("url", "*", "*"),
                Arguments.of("url", "/relative/Path", "/relative/Path"),
                Arguments.of("url", "HTTPS://WWW.Example.COM:8080/Path?Q=1", "https://www.example.com:8080/Path?Q=1"),
                Arguments.of("url", "https://x.org/a b/(c)", "https://x.org/a%20b/%28c%29"),
                Arguments.of("url", "https://x.org/café", "https://x.org/caf%C3%A9"),
                Arguments.of("url", "https://x.org/x#y", "https://x.org/x%23y"),
                Arguments.of("url", "https://x.org/p?q=a b#frag", "https://x.org/p?q=a b#frag"),
                Arguments.of("url", "https://x.org/trailing ", "https://x.org/trailing%20"),
                Arguments.of("url", "https://x.org/%2F%2f", "https://x.org/%2F%2f"),
                Arguments.of("url", "https://x.org/a%20b", "https://x.org/a%20b"),
                Arguments.of("url", "https://x.org/path?", "https://x.org/path?"),
                Arguments.of("url", "mailto:John@Example.com", "mailto:John@Example.com"),
                Arguments.of("url", "localhost:8080", "localhost:8080"),
                Arguments.of("url", "TA505:EvilCorp", "ta505:EvilCorp"),
                Arguments.of("url", "http://User:P%40ss@Host.org/", "http://User:P%40ss@host.org/"),
                Arguments.of("url", "http://[2001:DB8::1]:80/x", "http://[2001:db8::1]:80/x"),
                Arguments.of("url", "https://EXÄMPLE.com/", "https://ex%C3%A4mple.com/"),
                Arguments.of("url", "http://support.clz.kr/soft_hair/thisIsAVirus.exe",
                        "http://support.clz.kr/soft_hair/thisIsAVirus.exe"),
                // Email: one address, bare local@domain.
                Arguments.of("email-address", "a@b.c", "a@b.c"),
                Arguments.of("email-address", "Name <A@B.C>", "a@b.c"),
                Arguments.of("email-address", "\"Quoted, Name\" <a@b.c>", "a@b.c"),
                Arguments.of("email-address", "<a@b.c>", "a@b.c"),
                Arguments.of("email-address", "  a@b.c  ", "a@b.c"),
                Arguments.of("email-address", "\"john doe\"@example.com", "john doe@example.com"),
                Arguments.of("eppn", "user@localhost", "user@localhost"),
                Arguments.of("jabber-id", "a@[8.8.8.8]", "a@[8.8.8.8]"),
                Arguments.of("email-address", "a@b.c (work)", "a@b.c"),
                // UUID|MD5|SHA3-256: first of MD5, SHA3-256, UUID.
                Arguments.of("file", "0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef0123456789abcdef"),
                Arguments.of("file", "0123456789abcdef", "0123456789abcdef"),
                Arguments.of("file", "a".repeat(64), "a".repeat(64)),
                Arguments.of("file", "{12345678-1234-1234-1234-123456789ABC}", "12345678-1234-1234-1234-123456789abc"),
                // UUID: accepted shapes, canonical output.
                Arguments.of("breach", "12345678-1234-1234-1234-123456789ABC", "12345678-1234-1234-1234-123456789abc"),
                Arguments.of("breach", "urn:uuid:12345678-1234-1234-1234-123456789abc",
                        "12345678-1234-1234-1234-123456789abc"),
                Arguments.of("breach", "x12345678-1234-1234-1234-123456789abcy",
                        "12345678-1234-1234-1234-123456789abc"),
                Arguments.of("breach", "12345678123412341234123456789abc", "12345678-1234-1234-1234-123456789abc"),
                Arguments.of("breach", "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000"),
                // Hexadecimal.
                Arguments.of("hex", "DEADBEEF", "deadbeef"),
                Arguments.of("hex", "", ""),
                // BASE64: kept as given.
                Arguments.of("base64", "aGVsbG8=", "aGVsbG8="),
                Arguments.of("base64", "Zh==", "Zh=="),
                Arguments.of("base64", "aGVs\r\nbG8=", "aGVs\r\nbG8="),
                Arguments.of("base64", "", ""),
                // Date.
                Arguments.of("date", "2024-02-29", "2024-02-29"),
                Arguments.of("breach-date", "2000-02-29", "2000-02-29"),
                // Datetime: offset kept, fraction zeros stripped, zero offset as Z.
                Arguments.of("datetime", "2024-01-02T16:30:15+02:00", "2024-01-02T16:30:15+02:00"),
                Arguments.of("datetime", "2024-01-02T14:30:15Z", "2024-01-02T14:30:15Z"),
                Arguments.of("datetime", "2024-01-02T14:30:15.120000Z", "2024-01-02T14:30:15.12Z"),
                Arguments.of("datetime", "2024-01-02T14:30:15.000Z", "2024-01-02T14:30:15Z"),
                Arguments.of("last-analysis", "2024-01-02T14:30:15+00:00", "2024-01-02T14:30:15Z"),
                Arguments.of("datetime", "2024-01-02T14:30:15.123456789-05:30", "2024-01-02T14:30:15.123456789-05:30"),
                // MAC: uppercase, hyphens only.
                Arguments.of("mac-address", "00-1a-2b-3c-4d-5e", "00-1A-2B-3C-4D-5E"),
                // MIME type.
                Arguments.of("mime-type", "Application/JSON", "application/json"),
                Arguments.of("mime-type", "application/vnd.ms-excel", "application/vnd.ms-excel"),
                Arguments.of("mime-type", "image/svg+xml", "image/svg+xml"),
                // Phone: kept as written.
                Arguments.of("phone", "+15551234567", "+15551234567"),
                Arguments.of("phone", "+1 (555) 123-4567", "+1 (555) 123-4567"),
                Arguments.of("phone", "+44 20 7946 0958", "+44 20 7946 0958"),
                // Port.
                Arguments.of("port", "443/TCP", "443/tcp"),
                Arguments.of("port", "65535/udp", "65535/udp"),
                // Path.
                Arguments.of("path", "C:\\Windows\\System32", "c:\\windows\\system32"),
                Arguments.of("path", "", ""),
                // Float: Go %v text.
                Arguments.of("latitude", "40.7128", "40.7128"),
                Arguments.of("longitude", "42", "42"),
                Arguments.of("longitude", "42.0", "42"),
                Arguments.of("size-in-bytes", "999999", "999999"),
                Arguments.of("size-in-bytes", "1000000", "1e+06"),
                Arguments.of("size-in-bytes", "1048576", "1.048576e+06"),
                Arguments.of("size-in-bytes", "123456789", "1.23456789e+08"),
                Arguments.of("accuracy-radius", "0.0001", "0.0001"),
                Arguments.of("accuracy-radius", "0.00001", "1e-05"),
                Arguments.of("accuracy-radius", "1.5e-7", "1.5e-07"),
                Arguments.of("accuracy-radius", "1e21", "1e+21"),
                Arguments.of("latitude", "0", "0"),
                Arguments.of("latitude", "-0", "-0"),
                Arguments.of("latitude", "-0.0", "-0"),
                Arguments.of("latitude", "5e-324", "5e-324"),
                Arguments.of("latitude", "1.7976931348623157e308", "1.7976931348623157e+308"),
                Arguments.of("latitude", "0.1", "0.1"),
                Arguments.of("latitude", "0.30000000000000004", "0.30000000000000004"),
                // City and Country: lowercase, then English title case.
                Arguments.of("city", "new york", "New York"),
                Arguments.of("city", "NEW YORK", "New York"),
                Arguments.of("city", "SÃO PAULO", "São Paulo"),
                Arguments.of("city", "winston-salem", "Winston-Salem"),
                Arguments.of("city", "o'neill", "O'neill"),
                Arguments.of("city", "st. louis", "St. Louis"),
                Arguments.of("country", "", ""),
                Arguments.of("issuing-country", "123", "123"),
                Arguments.of("country", "  united states ", "  United States "),
                // Adversary: kept exactly as given.
                Arguments.of("adversary", "APT28", "APT28"),
                Arguments.of("group", "apt28", "apt28"),
                Arguments.of("adversary", "10.0.0.1", "10.0.0.1"),
                Arguments.of("adversary", "", ""),
                Arguments.of("adversary", "Lazarus Group", "Lazarus Group"),
                // Regex: compiles under RE2, kept verbatim.
                Arguments.of("pattern-in-file", "(?P<name>a+)", "(?P<name>a+)"),
                Arguments.of("pattern-in-memory", "(?<name>a+)", "(?<name>a+)"),
                Arguments.of("filename-pattern", "^invoice_[0-9]{4}\\.pdf$", "^invoice_[0-9]{4}\\.pdf$"),
                Arguments.of("pattern-in-traffic", "[[:alpha:]]+\\pL", "[[:alpha:]]+\\pL"),
                Arguments.of("pattern-in-file", "a{1000}", "a{1000}"));
    }

    @ParameterizedTest(name = "{0} <{1}> -> <{2}>")
    @MethodSource("accepted")
    void acceptsWithTheReferenceNormalisedTextAndId(String type, String input, String expected) throws Exception {
        NormalisedValue value = normalise(type, input);
        assertEquals(expected, value.text());
        assertEquals(type + "-" + EntityId.sha3Hex(expected), EntityId.of(type, value.text()));
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("cidr", "10.0.0.0/0"), Arguments.of("cidr", "0.0.0.0/0"), Arguments.of("cidr", "8.8.8.8"),
                Arguments.of("cidr", "8.8.8.8/33"), Arguments.of("cidr", "8.8.8.8/"),
                Arguments.of("cidr", "8.8.8.8/+8"),
                Arguments.of("cidr", "2001:db8::/129"), Arguments.of("cidr", "fe80::1%eth0/64"),
                Arguments.of("url", ""), Arguments.of("url", "www.example.com"),
                Arguments.of("url", "example.com/path"),
                Arguments.of("url", "https://x.org/\tx"), Arguments.of("url", "https://x.org/\n"),
                Arguments.of("url", "https://x.org/%zz"), Arguments.of("url", "://x"),
                Arguments.of("url", "https://x:abc/"),
                Arguments.of("url", "https://a#b/"), Arguments.of("url", "http://[1.2.3.4]/"),
                Arguments.of("url", "https://host[/"), Arguments.of("url", "http://ü@x.org/"),
                Arguments.of("email-address", "abc"), Arguments.of("email-address", "a@"),
                Arguments.of("email-address", "@b.c"),
                Arguments.of("email-address", "a b@c.d"), Arguments.of("email-address", "a@b.c x"),
                Arguments.of("email-address", "a@b.c, d@e.f"), Arguments.of("email-address", "a.@b.c"),
                Arguments.of("email-address", ".a@b.c"), Arguments.of("email-address", "a..b@c.d"),
                Arguments.of("email-address", "Name <a@b.c"), Arguments.of("email-address", "a@[300.1.1.1]"),
                Arguments.of("file", "a".repeat(40)), Arguments.of("file", "3a7c9d8e-1b2f-4g5h-0000-000000000000"),
                Arguments.of("breach", "12345678-1234-1234-1234-123456789ab"),
                Arguments.of("breach", "12345678_1234_1234_1234_123456789abc"),
                Arguments.of("breach", "urn:uuix:12345678-1234-1234-1234-123456789abc"),
                Arguments.of("hex", "0xdeadbeef"), Arguments.of("hex", "abc"), Arguments.of("hex", "de:ad"),
                Arguments.of("hex", "de ad"),
                Arguments.of("base64", "aGVsbG8"), Arguments.of("base64", "aGVsbG8=x"),
                Arguments.of("base64", "aGVs bG8="),
                Arguments.of("base64", "a-_b"), Arguments.of("base64", "===="), Arguments.of("base64", "Z==="),
                Arguments.of("date", "2023-02-29"), Arguments.of("date", "2024-13-01"),
                Arguments.of("date", "24-01-01"),
                Arguments.of("date", "2024-1-01"), Arguments.of("date", "2024-01-00"),
                Arguments.of("date", "2024/01/01"),
                Arguments.of("date", "2024-01-01T00:00:00Z"), Arguments.of("date", " 2024-01-01"),
                Arguments.of("datetime", "2024-01-02t14:30:15z"), Arguments.of("datetime", "2024-01-02T24:00:00Z"),
                Arguments.of("datetime", "2024-01-02T14:60:00Z"), Arguments.of("datetime", "2024-01-02T14:30:60Z"),
                Arguments.of("datetime", "2024-01-02T14:30:15+0200"), Arguments.of("datetime", "2024-01-02T14:30:15"),
                Arguments.of("datetime", "2024-01-02 14:30:15Z"), Arguments.of("datetime", "2023-02-29T00:00:00Z"),
                Arguments.of("mac-address", "00:1A:2B:3C:4D:5E"), Arguments.of("mac-address", "001A.2B3C.4D5E"),
                Arguments.of("mac-address", "001A2B3C4D5E"),
                Arguments.of("mime-type", "image/ai"), Arguments.of("mime-type", "text/plain; charset=utf-8"),
                Arguments.of("mime-type", "application/*"), Arguments.of("mime-type", "a/a+b+c"),
                Arguments.of("mime-type", "x-app/json"),
                Arguments.of("phone", "5551234567"), Arguments.of("phone", "+0123"),
                Arguments.of("phone", "+1\u000b555"),
                Arguments.of("phone", "+1 555 123 4567 89"), Arguments.of("phone", "+1 (0555) 123"),
                Arguments.of("port", "0443/tcp"), Arguments.of("port", "0/tcp"), Arguments.of("port", "65536/udp"),
                Arguments.of("port", "80"), Arguments.of("port", "80/icmp"), Arguments.of("port", "80/tcp "),
                Arguments.of("path", "http://x"), Arguments.of("path", "FILE:///etc/passwd"),
                Arguments.of("latitude", "1e400"), Arguments.of("latitude", "-1e400"),
                Arguments.of("adversary", "Dr.Hex"), Arguments.of("adversary", "Team.TNT"),
                Arguments.of("adversary", "TA505:EvilCorp"), Arguments.of("adversary", "localhost:8080"),
                Arguments.of("adversary", "/usr/bin"), Arguments.of("adversary", "8.8.8.8"),
                Arguments.of("adversary", "john@example.com"), Arguments.of("adversary", "+15551234567"),
                Arguments.of("group", "12345678-1234-1234-1234-123456789abc"),
                Arguments.of("group", "evil.example.com"),
                Arguments.of("pattern-in-file", "a(?=b)"), Arguments.of("pattern-in-file", "(a)\\1"),
                Arguments.of("pattern-in-file", "a*+"), Arguments.of("pattern-in-file", "a\\Z"),
                Arguments.of("pattern-in-file", "a{1001}"), Arguments.of("pattern-in-file", "[a-"),
                Arguments.of("pattern-in-file", "((a{1000}){1000}){1000}"),
                Arguments.of("pattern-in-file", "(".repeat(1001) + ")".repeat(1001)),
                Arguments.of("pattern-in-file", "a".repeat(RegexNormaliser.MAX_UTF8_BYTES + 1)));
    }

    @ParameterizedTest(name = "{0} rejects <{1}>")
    @MethodSource("rejected")
    void rejectsWhatTheReferenceRejects(String type, String input) {
        assertThrows(InvalidValueException.class, () -> normalise(type, input));
    }
}
