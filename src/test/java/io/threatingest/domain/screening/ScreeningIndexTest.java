package io.threatingest.domain.screening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.threatingest.domain.DataType;

class ScreeningIndexTest {

    /** Lists by index: 0 strings, 1 hostnames, 2 v4 CIDRs, 3 v6 CIDRs, 4 substrings, 5 regexes, 6 hosts too. */
    static final List<WarningList> LISTS = List.of(
            list("hashes", ListType.STRING, Set.of(DataType.MD5, DataType.SHA256), "d41d8cd98f00b204e9800998ecf8427e",
                    "8.8.8.8"),
            list("hosts", ListType.HOSTNAME, Set.of(DataType.FQDN), "example.com", ".cdn.example.net", "*.Wild.ORG",
                    "localhost."),
            list("v4", ListType.CIDR, Set.of(DataType.IP, DataType.CIDR, DataType.URL), "192.0.2.0/24",
                    "198.51.100.7", "10.0.0.0/8", "10.1.0.0/16"),
            list("v6", ListType.CIDR, Set.of(DataType.IP, DataType.CIDR), "2001:db8::/32", "::/0"),
            list("subs", ListType.SUBSTRING, Set.of(DataType.EMAIL, DataType.FQDN), "mailinator", "tempmail.",
                    "mail"),
            list("regex", ListType.REGEX, Set.of(DataType.EMAIL, DataType.PHONE), "/^(abuse|noc)\\@.*$/i",
                    "555-01[0-9]{2}"),
            list("all-hosts", ListType.HOSTNAME, null, "example.com"));

    static final ScreeningIndex INDEX = ScreeningIndex.build(LISTS);

    static Stream<Arguments> table() {
        return Stream.of(
                // exact: only the data types of the list
                row(DataType.MD5, "d41d8cd98f00b204e9800998ecf8427e", 0),
                row(DataType.SHA1, "d41d8cd98f00b204e9800998ecf8427e"),
                row(DataType.MD5, "d41d8cd98f00b204e9800998ecf8427f"),
                // a string list naming other types than the value's: no match
                row(DataType.IP, "8.8.8.8"),
                // hostname: the name and every name below it, not above or beside it
                row(DataType.FQDN, "example.com", 1, 6),
                row(DataType.FQDN, "a.b.example.com", 1, 6),
                row(DataType.FQDN, "a.b.example.com.", 1, 6),
                row(DataType.FQDN, "l1.l2.l3.l4.l5.l6.l7.l8.l9.l10.l11.l12.example.com", 1, 6),
                row(DataType.FQDN, "l1.l2.l3.l4.l5.l6.l7.l8.l9.l10.l11.l12.example.co"),
                row(DataType.FQDN, "badexample.com"),
                row(DataType.FQDN, "com"),
                row(DataType.FQDN, "x.cdn.example.net", 1),
                row(DataType.FQDN, "cdn.example.net", 1),
                row(DataType.FQDN, "example.net"),
                row(DataType.FQDN, "host.wild.org", 1),
                row(DataType.FQDN, "localhost", 1),
                // the host of a URL and the domain of an email address, for lists of host names
                row(DataType.URL, "https://www.example.com/path?q=1", 1, 6),
                row(DataType.URL, "http://user@www.example.com:8080/", 1, 6),
                row(DataType.URL, "https://example.org/example.com"),
                row(DataType.EMAIL, "someone@mx.example.com", 1, 6),
                // CIDR: containment, both families, nested ranges
                row(DataType.IP, "192.0.2.200", 2),
                row(DataType.IP, "192.0.3.1"),
                row(DataType.IP, "198.51.100.7", 2),
                row(DataType.IP, "198.51.100.8"),
                row(DataType.IP, "10.1.2.3", 2),
                row(DataType.IP, "2001:db8::1", 3),
                row(DataType.IP, "2001:db9::1", 3),
                row(DataType.CIDR, "192.0.2.128/25", 2),
                row(DataType.CIDR, "192.0.2.0/23"),
                row(DataType.CIDR, "10.1.0.0/16", 2),
                row(DataType.CIDR, "10.0.0.0/7"),
                row(DataType.CIDR, "2001:db8:1::/48", 3),
                row(DataType.URL, "http://192.0.2.9/x", 2),
                // substring
                row(DataType.EMAIL, "x@mailinator.com", 4),
                row(DataType.FQDN, "tempmail.example.org", 4),
                row(DataType.FQDN, "gmail.org", 4),
                row(DataType.FQDN, "gmai.org"),
                row(DataType.URL, "http://mailinator.com/"),
                // regex, with PHP-style delimiters and flags
                row(DataType.EMAIL, "abuse@example.org", 5),
                row(DataType.EMAIL, "noc@mail.example.com", 1, 4, 5, 6),
                row(DataType.EMAIL, "ABUSE@x.org", 5),
                row(DataType.PHONE, "+1 555-0123", 5),
                row(DataType.PHONE, "+1 555-0223"));
    }

    @ParameterizedTest
    @MethodSource("table")
    void matches(DataType type, String value, int[] expected) {
        assertArrayEquals(expected, INDEX.match(type, value), type + " " + value);
    }

    @Test
    void substringListsMatchOnlyTheirDataTypesWhateverTheOtherListsHold() {
        ScreeningIndex index = ScreeningIndex.build(List.of(
                list("mail-only", ListType.SUBSTRING, Set.of(DataType.EMAIL), "tempmail"),
                list("hosts-and-mail", ListType.SUBSTRING, Set.of(DataType.FQDN, DataType.EMAIL), "tracker"),
                list("url-only", ListType.SUBSTRING, Set.of(DataType.URL), "tracker", "tempmail"),
                list("every-type", ListType.SUBSTRING, null, "zz")));

        assertArrayEquals(new int[]{ 1, 3 }, index.match(DataType.FQDN, "tracker.tempmail.zz.org"));
        assertArrayEquals(new int[]{ 0, 1, 3 }, index.match(DataType.EMAIL, "a@tracker.tempmail.zz"));
        assertArrayEquals(new int[]{ 2, 3 }, index.match(DataType.URL, "http://tracker.zz/"));
        assertArrayEquals(new int[]{ 2 }, index.match(DataType.URL, "http://tempmail.example/"));
        assertArrayEquals(new int[]{ 3 }, index.match(DataType.STRING, "tracker tempmail zz"));
        assertEquals(0, index.match(DataType.FQDN, "tempmail.example").length);
    }

    @Test
    void emptyIndexMatchesNothing() {
        assertEquals(0, ScreeningIndex.EMPTY.match(DataType.FQDN, "example.com").length);
    }

    @Test
    void countsEntriesPerList() {
        assertEquals(List.of(2, 4, 4, 2, 3, 2, 1),
                INDEX.lists().stream().map(ScreeningIndex.ListInfo::entries).toList());
    }

    @Test
    void badEntriesNameTheListAndTheEntry() {
        IllegalArgumentException cidr = assertThrows(IllegalArgumentException.class,
                () -> ScreeningIndex.build(List.of(list("bad", ListType.CIDR, null, "192.0.2.0/33"))));
        assertTrue(cidr.getMessage().contains("bad") && cidr.getMessage().contains("192.0.2.0/33"),
                cidr.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ScreeningIndex.check(list("bad", ListType.REGEX, null, "a(b")));
        assertThrows(IllegalArgumentException.class,
                () -> ScreeningIndex.check(list("bad", ListType.REGEX, null, "/a/q")));
    }

    @Test
    void manyListsShareEntriesAndOverlappingRanges() {
        List<WarningList> lists = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lists.add(list("l" + i, ListType.CIDR, null, "10.0.0.0/" + (8 + i % 20)));
            lists.add(list("h" + i, ListType.HOSTNAME, null, "shared.example", "only" + i + ".example"));
        }
        ScreeningIndex index = ScreeningIndex.build(lists);
        assertEquals(50, index.match(DataType.FQDN, "x.shared.example").length);
        assertEquals(50, index.match(DataType.IP, "10.0.0.1").length);
        assertArrayEquals(new int[]{ 15 }, index.match(DataType.FQDN, "only7.example"));
    }

    private static Arguments row(DataType type, String value, int... lists) {
        return Arguments.of(type, value, lists);
    }

    static WarningList list(String key, ListType type, Set<DataType> types, String... entries) {
        return new WarningList(key, key + " list", "1", null, type, null, types, List.of(entries));
    }
}
