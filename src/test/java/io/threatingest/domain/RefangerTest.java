package io.threatingest.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.threatingest.domain.value.RawValue;

/** The conventions of docs/refanging.md, both ways, and where in a submission they apply. */
class RefangerTest {

    /** Attribute (entity type), defanged value, the value validation gets. */
    static Stream<Arguments> defanged() {
        return Stream.of(
                // schemes, at the start of a URL only
                row("url", "hxxp://evil.example.com/a", "http://evil.example.com/a"),
                row("url", "hxxps://evil.example.com/a", "https://evil.example.com/a"),
                row("url", "hXXps://evil.example.com", "https://evil.example.com"),
                row("url", "HXXP://EVIL.EXAMPLE.COM/A", "http://EVIL.EXAMPLE.COM/A"),
                row("url", "hxtp://evil.example.com/", "http://evil.example.com/"),
                row("url", "hxtps://evil.example.com/", "https://evil.example.com/"),
                row("url", "htxp://evil.example.com/", "http://evil.example.com/"),
                row("url", "htxps://evil.example.com/", "https://evil.example.com/"),
                row("url", "fxp://files.example.com/x", "ftp://files.example.com/x"),
                row("url", "FXPS://files.example.com/x", "ftps://files.example.com/x"),
                // scheme separators
                row("url", "http[:]//evil.example.com/", "http://evil.example.com/"),
                row("url", "http[://]evil.example.com/", "http://evil.example.com/"),
                row("url", "https(://)evil.example.com/", "https://evil.example.com/"),
                row("url", "https{://}evil.example.com/", "https://evil.example.com/"),
                row("url", "hxxp[://]evil.example.com/", "http://evil.example.com/"),
                row("url", "hxxps[:]//evil[.]example[.]com[/]drop[.]exe", "https://evil.example.com/drop.exe"),
                row("url", "http://evil.example.com(/)a", "http://evil.example.com/a"),
                // dots in every spelling
                row("url", "http://evil[.]example.com/", "http://evil.example.com/"),
                row("url", "http://evil(.)example.com/", "http://evil.example.com/"),
                row("url", "http://evil{.}example.com/", "http://evil.example.com/"),
                row("url", "http://evil[dot]example.com/", "http://evil.example.com/"),
                row("url", "http://evil(dot)example.com/", "http://evil.example.com/"),
                row("url", "http://evil{dot}example.com/", "http://evil.example.com/"),
                row("url", "http://evil [dot] example [DOT] com/", "http://evil.example.com/"),
                row("url", "http://evil[ . ]example.com/", "http://evil.example.com/"),
                row("url", "http://evil\\.example\\.com/", "http://evil.example.com/"),
                row("url", "http://user[@]evil.example.com/", "http://user@evil.example.com/"),
                row("url", "http://198.51.100[.]7:8080/x", "http://198.51.100.7:8080/x"),
                row("url", "http://[2001:db8::1]/a[.]php", "http://[2001:db8::1]/a.php"),
                row("link", "hxxps://report[.]example[.]org/ioc", "https://report.example.org/ioc"),
                row("file-data", "hxxp://cdn[.]example[.]net/f.bin", "http://cdn.example.net/f.bin"),
                row("malware-sample", "fxp://drop[.]example[.]net/s.zip", "ftp://drop.example.net/s.zip"),
                // IP and CIDR
                row("ip", "203.0.113[.]1", "203.0.113.1"),
                row("ip", "203[.]0[.]113[.]1", "203.0.113.1"),
                row("ip", "203(.)0(.)113(.)1", "203.0.113.1"),
                row("ip", "203{.}0{.}113{.}1", "203.0.113.1"),
                row("ip", "203[dot]0[dot]113[dot]1", "203.0.113.1"),
                row("ip", "203\\.0\\.113\\.1", "203.0.113.1"),
                row("ip", "2001[:]db8[:][:]53", "2001:db8::53"),
                row("cidr", "203.0.113[.]0/24", "203.0.113.0/24"),
                row("cidr", "203.0.113.0[/]24", "203.0.113.0/24"),
                // FQDN
                row("domain", "evil[.]example[.]com", "evil.example.com"),
                row("domain", "Evil[DOT]Example[Dot]COM", "Evil.Example.COM"),
                row("domain", "evil (dot) example (dot) com", "evil.example.com"),
                row("domain", "evil{dot}example{.}com", "evil.example.com"),
                row("domain", "evil [.] example.com", "evil.example.com"),
                row("hostname", "mail[.]evil[.]example[.]com", "mail.evil.example.com"),
                // Email
                row("email-address", "user[at]example[.]com", "user@example.com"),
                row("email-address", "user(at)example(.)com", "user@example.com"),
                row("email-address", "user{at}example{dot}com", "user@example.com"),
                row("email-address", "user[@]example.com", "user@example.com"),
                row("email-address", "user(@)example.com", "user@example.com"),
                row("email-address", "user{@}example.com", "user@example.com"),
                row("email-address", "user [at] example [dot] com", "user@example.com"),
                row("email-address", "User[AT]Example[.]COM", "User@Example.COM"),
                row("eppn", "alice[at]uni[.]example[.]edu", "alice@uni.example.edu"),
                row("jabber-id", "bot(at)chat(.)example(.)org", "bot@chat.example.org"));
    }

    /** Indicator values as they should be written: they pass through as the same string. */
    static Stream<Arguments> clean() {
        return Stream.of(
                row("url", "http://evil.example.com/a", null),
                row("url", "HTTPS://Evil.Example.COM/A?q=1", null),
                row("url", "ftp://files.example.com/x", null),
                row("url", "https://example.com/wiki/Foo_(bar)", null),
                row("url", "https://example.com/a[b]c?x={y}", null),
                row("url", "https://example.com/a[..]b", null),
                row("url", "http://[2001:db8::1]:8080/", null),
                row("url", "http://[::1]/", null),
                row("url", "http://[::]/", null),
                row("url", "https://example.com/a\\b", null),
                row("url", "mailto:user@example.com", null),
                row("url", "meow://example.com/", null),
                row("url", "hxxpx://example.com/", null),
                row("url", "xhxxp://example.com/", null),
                row("url", "https://example.com/hxxp://x", null),
                row("url", "https://example.com/(", null),
                row("url", "https://example.com/[", null),
                row("ip", "203.0.113.1", null),
                row("ip", "2001:db8::53", null),
                row("cidr", "203.0.113.0/24", null),
                row("domain", "evil.example.com", null),
                row("domain", "Evil.Example.COM", null),
                row("hostname", "dot.example.com", null),
                row("email-address", "user@example.com", null),
                row("email-address", "Name (at work) <user@example.com>", null),
                row("email-address", "\"Quoted, Name\" <user@example.com>", null),
                row("jabber-id", "bot@chat.example.org", null));
    }

    /** Other data types: brackets and backslashes mean something there, or nobody defangs them. */
    static Stream<Arguments> notIndicators() {
        return Stream.of(
                row("text", "see evil[.]example[.]com and user[at]example[.]com", null),
                row("command", "curl hxxp://evil[.]example[.]com", null),
                row("filename", "invoice[.]pdf", null),
                row("filename-pattern", "evil\\.exe", null),
                row("path", "/tmp/a[.]b", null),
                row("whois-registrar", "Example[.]com Registrar", null));
    }

    private static Arguments row(String attribute, String value, String expected) {
        return Arguments.of(attribute, value, expected);
    }

    private static EntitySubmission single(String attribute, RawValue value) {
        Map<String, RawValue> attributes = new LinkedHashMap<>();
        attributes.put(attribute, value);
        return new EntitySubmission(attribute, attributes, null, null, null, null, null);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("defanged")
    void defangedValueComesBackCleanAndIsReported(String attribute, String value, String expected) {
        RefangedSubmission result = Refanger.refang(single(attribute, RawValue.text(value)));

        assertEquals(new RawValue.Text(expected), result.submission().attributes().get(attribute));
        assertEquals(List.of(new RefangedValue("/attributes/" + attribute, value, expected)), result.changes());
        DataType dataType = Catalogue.find(attribute).dataType();
        assertDoesNotThrow(() -> dataType.normaliser().normalise(RawValue.text(expected)),
                "the refanged value is valid");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource({ "clean", "notIndicators" })
    void otherValuesAreTheSameStringAndNotReported(String attribute, String value, String ignored) {
        EntitySubmission submission = single(attribute, RawValue.text(value));

        RefangedSubmission result = Refanger.refang(submission);

        assertSame(submission, result.submission());
        assertEquals(List.of(), result.changes());
        assertSame(value, Refanger.refang(Catalogue.find(attribute).dataType(), value));
    }

    @Test
    void onlyTheFiveIndicatorDataTypesAreRefanged() {
        for (DataType type : DataType.values()) {
            boolean expected = switch (type) {
                case IP, CIDR, FQDN, URL, EMAIL -> true;
                default -> false;
            };
            assertEquals(expected, Refanger.appliesTo(type), type.label());
            assertEquals(expected ? "a.b" : "a[.]b", Refanger.refang(type, "a[.]b"), type.label());
        }
    }

    @Test
    void everyBracketKindTakesEveryTokenInAnyCase() {
        String[][] brackets = { { "[", "]" }, { "(", ")" }, { "{", "}" } };
        Map<String, String> tokens = Map.of(".", ".", "dot", ".", "DoT", ".", "@", "@", "at", "@", "AT", "@",
                ":", ":", "://", "://", "/", "/");
        for (String[] pair : brackets) {
            for (Map.Entry<String, String> token : tokens.entrySet()) {
                String defanged = "a" + pair[0] + token.getKey() + pair[1] + "b";
                assertEquals("a" + token.getValue() + "b", Refanger.refang(DataType.URL, defanged), defanged);
            }
        }
        assertSame("a[.)b", Refanger.refang(DataType.FQDN, "a[.)b"), "brackets must pair up");
        assertSame("a[dots]b", Refanger.refang(DataType.FQDN, "a[dots]b"));
        assertSame("a[]b", Refanger.refang(DataType.FQDN, "a[]b"));
        assertSame("a(a t)b", Refanger.refang(DataType.FQDN, "a(a t)b"), "spaces only around the token");
    }

    @Test
    void spacesGoOnlyAroundABracketedDotOrAt() {
        assertEquals("http://a.b/x y", Refanger.refang(DataType.URL, "http://a [.] b/x y"));
        assertEquals("http://a.b/ :x", Refanger.refang(DataType.URL, "http://a[.]b/ [:]x"));
        assertEquals("a.b", Refanger.refang(DataType.FQDN, "a   [dot]   b"));
    }

    @Test
    void numbersAndOtherJsonKindsAreLeftToValidation() {
        Map<String, RawValue> attributes = new LinkedHashMap<>();
        attributes.put("ip", new RawValue.Number("1"));
        attributes.put("domain", new RawValue.Other("array"));
        attributes.put("url", null);
        attributes.put("no-such-type", RawValue.text("evil[.]example.com"));
        EntitySubmission submission = new EntitySubmission("ip", attributes, null, null, null, null, null);

        RefangedSubmission result = Refanger.refang(submission);

        assertSame(submission, result.submission());
        assertEquals(List.of(), result.changes());
    }

    @Test
    void wholeTreeWithPointersUnderAPrefixAndEverythingElseKept() {
        Map<String, RawValue> rootAttributes = new LinkedHashMap<>();
        rootAttributes.put("domain", RawValue.text("evil[.]example[.]com"));
        rootAttributes.put("whois-registrar", RawValue.text("Shady[.]Registrar"));
        rootAttributes.put("link", RawValue.text("hxxps://report[.]example[.]org/1"));
        Map<String, RawValue> ipAttributes = new LinkedHashMap<>();
        ipAttributes.put("ip", RawValue.text("203.0.113.9"));
        Map<String, RawValue> urlAttributes = new LinkedHashMap<>();
        urlAttributes.put("url", RawValue.text("hxxp://evil[.]example[.]com/x"));
        urlAttributes.put("text", RawValue.text("dropper[.]exe"));
        EntitySubmission url = new EntitySubmission("url", urlAttributes, null, 1, List.of("text"), null, null);
        EntitySubmission ip = new EntitySubmission("ip", ipAttributes,
                List.of(new AssociationSubmission("aggregation", url)), null, null, List.of("t"), null);
        List<AssociationSubmission> associations = new ArrayList<>(Arrays.asList(
                new AssociationSubmission(null, ip),
                null,
                new AssociationSubmission("association", new EntitySubmission("email-address",
                        Map.of("email-address", RawValue.text("x[at]example[.]com")), null, null, null, null,
                        null))));
        EntitySubmission root = new EntitySubmission("domain", rootAttributes, associations, -2, null,
                List.of("tag"), List.of("public"));

        RefangedSubmission result = Refanger.refang(root, "/entities/17");

        assertEquals(List.of(
                new RefangedValue("/entities/17/attributes/domain", "evil[.]example[.]com", "evil.example.com"),
                new RefangedValue("/entities/17/attributes/link", "hxxps://report[.]example[.]org/1",
                        "https://report.example.org/1"),
                new RefangedValue("/entities/17/associations/0/associations/0/attributes/url",
                        "hxxp://evil[.]example[.]com/x", "http://evil.example.com/x"),
                new RefangedValue("/entities/17/associations/2/attributes/email-address", "x[at]example[.]com",
                        "x@example.com")),
                result.changes());

        EntitySubmission out = result.submission();
        assertEquals(List.of("domain", "whois-registrar", "link"), List.copyOf(out.attributes().keySet()));
        assertEquals(RawValue.text("Shady[.]Registrar"), out.attributes().get("whois-registrar"));
        assertEquals(-2, out.reputation());
        assertEquals(List.of("tag"), out.tags());
        assertEquals(List.of("public"), out.visibleBy());
        assertEquals(null, out.associations().get(1), "a JSON null stays for the flattener to refuse");
        EntitySubmission outIp = out.associations().get(0).entity();
        assertSame(ipAttributes, outIp.attributes(), "an untouched map is not copied");
        assertEquals(List.of("t"), outIp.tags());
        AssociationSubmission outUrl = outIp.associations().get(0);
        assertEquals("aggregation", outUrl.mode());
        assertEquals(RawValue.text("http://evil.example.com/x"), outUrl.entity().attributes().get("url"));
        assertEquals(RawValue.text("dropper[.]exe"), outUrl.entity().attributes().get("text"));
        assertEquals(1, outUrl.entity().reputation());
        assertEquals(List.of("text"), outUrl.entity().correlate());
        assertEquals(RawValue.text("hxxp://evil[.]example[.]com/x"), urlAttributes.get("url"),
                "the submitted tree itself is not changed");

        SubmissionException refused = assertThrows(SubmissionException.class, () -> SubmissionFlattener.flatten(out,
                Visibility.unrestricted(List.of("public")), SubmissionLimits.GENEROUS));
        assertEquals("/associations/1", refused.pointer());
    }

    @Test
    void longHostileValuesTakeLinearTime() {
        String brackets = "[".repeat(1_000_000);
        String almost = "[ . ".repeat(250_000);
        String many = "a[.]".repeat(250_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertSame(brackets, Refanger.refang(DataType.URL, brackets));
            assertSame(almost, Refanger.refang(DataType.URL, almost));
            assertEquals("a.".repeat(250_000), Refanger.refang(DataType.FQDN, many));
        });
    }
}
