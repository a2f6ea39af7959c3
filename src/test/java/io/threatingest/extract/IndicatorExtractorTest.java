package io.threatingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text in, indicators out: every type, every defanged form, and the boundaries around them. */
class IndicatorExtractorTest {

    private final IndicatorExtractor extractor = new IndicatorExtractor();

    static Stream<Arguments> table() {
        return Stream.of(
                // URLs, plain and defanged
                row("see https://evil.example.com/path now", "url", "https://evil.example.com/path",
                        "https://evil.example.com/path"),
                row("hxxps://evil[.]example[.]com/path", "url", "hxxps://evil[.]example[.]com/path",
                        "https://evil.example.com/path"),
                row("hXXp://evil.example.com/a", "url", "hXXp://evil.example.com/a", "http://evil.example.com/a"),
                row("HXXPS://EVIL.EXAMPLE.COM/A", "url", "HXXPS://EVIL.EXAMPLE.COM/A", "https://EVIL.EXAMPLE.COM/A"),
                row("hxtp://evil.example.com/ htxps://evil.example.com/", "url", "hxtp://evil.example.com/",
                        "http://evil.example.com/", "url", "htxps://evil.example.com/", "https://evil.example.com/"),
                row("fxp://files.example.com/x", "url", "fxp://files.example.com/x", "ftp://files.example.com/x"),
                row("ftp://files.example.com/x", "url", "ftp://files.example.com/x", "ftp://files.example.com/x"),
                row("http[:]//evil.example.com/a", "url", "http[:]//evil.example.com/a", "http://evil.example.com/a"),
                row("hxxp[://]evil.example.com/a", "url", "hxxp[://]evil.example.com/a", "http://evil.example.com/a"),
                row("https(://)evil.example.com", "url", "https(://)evil.example.com", "https://evil.example.com"),
                row("hxxps[:]//evil[.]example[.]com[/]drop[.]exe", "url", "hxxps[:]//evil[.]example[.]com[/]drop[.]exe",
                        "https://evil.example.com/drop.exe"),
                row("http://evil(.)example{.}com/ http://evil[dot]example(DOT)com/", "url",
                        "http://evil(.)example{.}com/", "http://evil.example.com/", "url",
                        "http://evil[dot]example(DOT)com/", "http://evil.example.com/"),
                row("http://evil\\.example\\.com/", "url", "http://evil\\.example\\.com/", "http://evil.example.com/"),
                row("hxxp://evil [.] example [dot] com/a", "url", "hxxp://evil [.] example [dot] com/a",
                        "http://evil.example.com/a"),
                row("http://198.51.100[.]7:8080/x", "url", "http://198.51.100[.]7:8080/x",
                        "http://198.51.100.7:8080/x"),
                row("http://[2001:db8::1]/a[.]php", "url", "http://[2001:db8::1]/a[.]php",
                        "http://[2001:db8::1]/a.php"),
                // trailing punctuation is not part of a URL, brackets that pair up are
                row("Visit http://evil.example.com/a.", "url", "http://evil.example.com/a",
                        "http://evil.example.com/a"),
                row("(see http://evil.example.com/a), then", "url", "http://evil.example.com/a",
                        "http://evil.example.com/a"),
                row("<http://evil.example.com/a>", "url", "http://evil.example.com/a", "http://evil.example.com/a"),
                row("\"http://evil.example.com/a\"", "url", "http://evil.example.com/a", "http://evil.example.com/a"),
                row("'http://evil.example.com/a';", "url", "http://evil.example.com/a", "http://evil.example.com/a"),
                row("[http://evil.example.com/a]", "url", "http://evil.example.com/a", "http://evil.example.com/a"),
                row("https://en.example.org/wiki/Foo_(bar)", "url", "https://en.example.org/wiki/Foo_(bar)",
                        "https://en.example.org/wiki/Foo_(bar)"),
                row("hxxp://evil[.]example[.]com[/]", "url", "hxxp://evil[.]example[.]com[/]",
                        "http://evil.example.com/"),
                row("[evil.example.com](hxxps://evil[.]example[.]com/login)", "domain", "evil.example.com",
                        "evil.example.com", "url", "hxxps://evil[.]example[.]com/login",
                        "https://evil.example.com/login"),
                row("http://evil.example.com/a?q=1&r=2#frag", "url", "http://evil.example.com/a?q=1&r=2#frag",
                        "http://evil.example.com/a?q=1&r=2#frag"),
                // not URLs
                row("hxxxp://evil.example.com/", "domain", "evil.example.com", "evil.example.com"),
                row("http:// nothing", new String[0]),
                row("http://evil.example.com/%zz", "domain", "evil.example.com", "evil.example.com"),
                row("meow://evil.example.com", "domain", "evil.example.com", "evil.example.com"),
                // IPv4, plain and defanged
                row("198.51.100.7", "ip", "198.51.100.7", "198.51.100.7"),
                row("198.51.100[.]7 and 203(.)0(.)113(.)9", "ip", "198.51.100[.]7", "198.51.100.7", "ip",
                        "203(.)0(.)113(.)9", "203.0.113.9"),
                row("203[dot]0[dot]113[dot]9", "ip", "203[dot]0[dot]113[dot]9", "203.0.113.9"),
                row("203\\.0\\.113\\.9", "ip", "203\\.0\\.113\\.9", "203.0.113.9"),
                row("ip=8.8.8.8:53, dns", "ip", "8.8.8.8", "8.8.8.8"),
                row("1.2.3.4.5", new String[0]),
                row("999.1.1.1", new String[0]),
                row("x.1.2.3.4", new String[0]),
                row("01.2.3.4", new String[0]),
                row("1.2.3", new String[0]),
                row("10.1.2.3 192.168.0.1 127.0.0.1", new String[0]),
                row("the host 8.8.4.4.", "ip", "8.8.4.4", "8.8.4.4"),
                // CIDR
                row("1.2.3.4/24", "cidr", "1.2.3.4/24", "1.2.3.4/24"),
                row("198.51.100.0[/]24", "cidr", "198.51.100.0[/]24", "198.51.100.0/24"),
                row("1.2.3.4/99", "ip", "1.2.3.4", "1.2.3.4"),
                row("1.2.3.4/24/x", "ip", "1.2.3.4", "1.2.3.4"),
                row("2001:db8:1234::1/48", "cidr", "2001:db8:1234::1/48", "2001:db8:1234::1/48"),
                // IPv6
                row("2001:db8::1", "ip", "2001:db8::1", "2001:db8::1"),
                row("at 2001:DB8:0:0:0:0:0:1.", "ip", "2001:DB8:0:0:0:0:0:1", "2001:DB8:0:0:0:0:0:1"),
                row("::ffff:8.8.8.8", "ip", "::ffff:8.8.8.8", "::ffff:8.8.8.8"),
                row("2001[:]db8[:][:]1", "ip", "2001[:]db8[:][:]1", "2001:db8::1"),
                row("(2606:4700:4700::1111)", "ip", "2606:4700:4700::1111", "2606:4700:4700::1111"),
                row("12:30:45 ::1 fe80::1 2001:db8::1::2", new String[0]),
                // domains
                row("evil.example.com", "domain", "evil.example.com", "evil.example.com"),
                row("evil[.]example[.]com evil(.)com evil{.}com evil[dot]com", "domain", "evil[.]example[.]com",
                        "evil.example.com", "domain", "evil(.)com", "evil.com", "domain", "evil{.}com", "evil.com",
                        "domain", "evil[dot]com", "evil.com"),
                row("evil [dot] example [dot] com", "domain", "evil [dot] example [dot] com", "evil.example.com"),
                row("evil\\.example\\.com", "domain", "evil\\.example\\.com", "evil.example.com"),
                row("Evil.Example.COM,", "domain", "Evil.Example.COM", "Evil.Example.COM"),
                row("(evil.example.com)", "domain", "evil.example.com", "evil.example.com"),
                row("evil.example.com:8443", "domain", "evil.example.com", "evil.example.com"),
                row("xn--bcher-kva.example", new String[0]),
                row("xn--bcher-kva.de", "domain", "xn--bcher-kva.de", "xn--bcher-kva.de"),
                row("report.pdf file.exe setup.dll", new String[0]),
                row("invoice.zip script.py", new String[0]),
                row("invoice[.]zip", "domain", "invoice[.]zip", "invoice.zip"),
                row("hxxp://invoice.zip/a", "url", "hxxp://invoice.zip/a", "http://invoice.zip/a"),
                row("the file.It was", new String[0]),
                row("bücher.de", new String[0]),
                row("«evil.example.com»", "domain", "evil.example.com", "evil.example.com"),
                row("恶意域名evil.example.com。", "domain", "evil.example.com", "evil.example.com"),
                row("under_score.example.com", new String[0]),
                // e-mail
                row("user@example.com", "email-address", "user@example.com", "user@example.com"),
                row("user[@]example.com", "email-address", "user[@]example.com", "user@example.com"),
                row("first.last+tag[at]evil[.]example[.]com", "email-address", "first.last+tag[at]evil[.]example[.]com",
                        "first.last+tag@evil.example.com"),
                row("mail to user (at) example (dot) com now", "email-address", "user (at) example (dot) com",
                        "user@example.com"),
                row("<user@example.com>", "email-address", "user@example.com", "user@example.com"),
                row("user@localhost a@b@example.com", new String[0]),
                // hashes
                row("d41d8cd98f00b204e9800998ecf8427e", "md5", "d41d8cd98f00b204e9800998ecf8427e",
                        "d41d8cd98f00b204e9800998ecf8427e"),
                row("sha1:DA39A3EE5E6B4B0D3255BFEF95601890AFD80709.", "sha1",
                        "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709",
                        "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709"),
                row(hex(64) + ".exe", "sha256", hex(64), hex(64)),
                row(hex(128), "sha512", hex(128), hex(128)),
                row(hex(33) + " " + hex(31) + " x" + hex(32) + " " + hex(32) + "g " + hex(32) + "-1", new String[0]),
                row(hex(64) + hex(64) + "0", new String[0]),
                // CVE, ASN, MAC
                row("CVE-2024-3094, cve-2021-44228.", "cve", "CVE-2024-3094", "CVE-2024-3094", "cve",
                        "cve-2021-44228", "CVE-2021-44228"),
                row("CVE-2024-123 CVE-24-1234 XCVE-2024-3094", new String[0]),
                row("AS13335 and asn15169", "asn", "AS13335", "13335", "asn", "asn15169", "15169"),
                row("AS0 AS012 AS4294967296 ASX1 BAS123", new String[0]),
                row("00:1a:2b:3c:4d:5e 00-1A-2B-3C-4D-5F 001a.2b3c.4d60", "mac-address", "00:1a:2b:3c:4d:5e",
                        "00-1A-2B-3C-4D-5E", "mac-address", "00-1A-2B-3C-4D-5F", "00-1A-2B-3C-4D-5F", "mac-address",
                        "001a.2b3c.4d60", "00-1A-2B-3C-4D-60"),
                // line endings and repeats
                row("evil.example.com\r\n198.51.100.7\r\n", "domain", "evil.example.com", "evil.example.com", "ip",
                        "198.51.100.7", "198.51.100.7"),
                row("evil.example.com evil.example.com", "domain", "evil.example.com", "evil.example.com", "domain",
                        "evil.example.com", "evil.example.com"));
    }

    @ParameterizedTest
    @MethodSource("table")
    void findsWhatTheTableSays(String text, List<List<String>> expected) {
        List<List<String>> actual = new ArrayList<>();
        for (FoundIndicator found : extractor.find(text)) {
            actual.add(List.of(found.type(), found.found(), found.value()));
            assertEquals(found.found(), text.substring(found.start(), found.end()), "offsets of " + found);
        }
        assertEquals(expected, actual, text);
    }

    @Test
    void offsetsCountUtf16Units() {
        String text = "🔥 evil.example.com";
        FoundIndicator found = extractor.find(text).get(0);
        assertEquals(3, found.start());
        assertEquals(text.length(), found.end());
    }

    static String hex(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append("0123456789abcdef".charAt((i * 7 + 3) % 16));
        }
        return out.toString();
    }

    private static Arguments row(String text, String... triples) {
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < triples.length; i += 3) {
            expected.add(List.of(triples[i], triples[i + 1], triples[i + 2]));
        }
        return Arguments.of(text, expected);
    }
}
