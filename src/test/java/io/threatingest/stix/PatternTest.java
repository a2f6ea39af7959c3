package io.threatingest.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.threatingest.domain.EntitySubmission;
import io.threatingest.domain.value.RawValue;

/** Indicator patterns: what each supported form yields, and the reason for each form outside the subset. */
class PatternTest {

    private final IndicatorMapper indicators = new IndicatorMapper(new ObservableMapper());

    /** Columns: the pattern, then its trees joined by {@code " | "}. */
    @ParameterizedTest
    @CsvSource(delimiter = '~', quoteCharacter = '"', textBlock = """
            [ipv4-addr:value = '1.2.3.4']                          ~ ip='1.2.3.4' rep=-1
            [ipv4-addr:value = '198.51.100.0/24']                  ~ cidr='198.51.100.0/24' rep=-1
            [ipv6-addr:value = '2001:db8::1']                      ~ ip='2001:db8::1' rep=-1
            [ipv6-addr:value = '2001:db8::/32']                    ~ cidr='2001:db8::/32' rep=-1
            [domain-name:value = 'a.example']                      ~ domain='a.example' rep=-1
            [url:value = 'https://a.example/x?y=1']                ~ url='https://a.example/x?y=1' rep=-1
            [email-addr:value = 'a@b.example']                     ~ email-address='a@b.example' rep=-1
            [mac-addr:value = '00-11-22-33-44-55']                 ~ mac-address='00-11-22-33-44-55' rep=-1
            [autonomous-system:number = 174]                       ~ asn=174 rep=-1
            [file:name = 'evil.exe']                               ~ filename='evil.exe'
            [file:hashes.'SHA-256' = 'aa' AND file:name = 'y']     ~ sha256='aa' rep=-1 (association filename='y')
            [file:hashes.MD5 = 'm' AND file:hashes.SHA1 = 's']     ~ file='m' {md5='m', sha1='s'} rep=-1 (association sha1='s' rep=-1, association md5='m' rep=-1)
            [file:hashes.'SHA3-256' = 'k']                         ~ file='k' {sha3-256='k'} rep=-1 (association sha3-256='k' rep=-1)
            [file:hashes.sha512 = 'q']                             ~ sha512='q' rep=-1
            [artifact:hashes.MD5 = 'm']                            ~ file='m' {md5='m'} rep=-1 (association md5='m' rep=-1)
            [artifact:url = 'https://a.example/p.bin']             ~ url='https://a.example/p.bin' rep=-1
            [x509-certificate:hashes.'SHA-1' = 'ab12']             ~ certificate-fingerprint='ab12' rep=-1
            [x509-certificate:hashes.'SHA-1' = 'ab' AND x509-certificate:issuer = 'CA'] ~ certificate-fingerprint='ab' rep=-1 (association issuer='CA')
            [windows-registry-key:key = 'HKLM\\\\Software\\\\Run'] ~ regkey='HKLM\\Software\\Run' rep=-1
            [user-account:account_login = 'root']                  ~ username='root' rep=-1
            [user-account:user_id = '1001']                        ~ username='1001' rep=-1
            [process:command_line = 'cmd.exe /c whoami']           ~ command='cmd.exe /c whoami' rep=-1
            [directory:path = 'C:\\\\Temp']                        ~ path='C:\\Temp' rep=-1
            [software:cpe = 'cpe:2.3:a:x:y:1.0:*:*:*:*:*:*:*']     ~ cpe='cpe:2.3:a:x:y:1.0:*:*:*:*:*:*:*' rep=-1
            [email-message:subject = 'Invoice']                    ~ email-subject='Invoice'
            [email-message:from_ref.value = 'a@b.example' AND email-message:subject = 'Hi'] ~ email-address='a@b.example' rep=-1 (association email-subject='Hi')
            [email-message:sender_ref.value = 's@b.example']       ~ email-address='s@b.example' rep=-1
            [email-message:message_id = '<1@b>' AND email-message:from_ref.value = 'a@b.example' AND email-message:subject = 'Hi'] ~ email='<1@b>' {email-subject='Hi', email-address='a@b.example'} rep=-1 (association email-address='a@b.example' rep=-1, association email-subject='Hi')
            [domain-name:value = 'c.example' AND domain-name:resolves_to_refs[*].value = '149.13.33.14'] ~ domain='c.example' rep=-1 (association ip='149.13.33.14' rep=-1)
            [domain-name:value = 'c.example' AND domain-name:resolves_to_refs[*].value = 'd.example' AND domain-name:resolves_to_refs[*].value = '2001:db8::2'] ~ domain='c.example' rep=-1 (association domain='d.example' rep=-1, association ip='2001:db8::2' rep=-1)
            [ipv4-addr:value = '1.1.1.1' OR ipv4-addr:value = '2.2.2.2'] ~ ip='1.1.1.1' rep=-1 | ip='2.2.2.2' rep=-1
            [ipv4-addr:value IN ('1.1.1.1', '2.2.2.2', '3.3.3.3')] ~ ip='1.1.1.1' rep=-1 | ip='2.2.2.2' rep=-1 | ip='3.3.3.3' rep=-1
            [ipv4-addr:value = '1.2.3.4'] OR [domain-name:value = 'a.example'] ~ ip='1.2.3.4' rep=-1 | domain='a.example' rep=-1
            [ipv4-addr:value = '1.2.3.4'] AND [domain-name:value = 'a.example'] ~ ip='1.2.3.4' rep=-1 | domain='a.example' rep=-1
            ([ipv4-addr:value = '1.2.3.4'] OR ([url:value = 'http://x.example/'])) ~ ip='1.2.3.4' rep=-1 | url='http://x.example/' rep=-1
            [(file:hashes.MD5 = 'm1' OR file:hashes.MD5 = 'm2') AND file:name = 'n'] ~ file='m1' {md5='m1'} rep=-1 (association md5='m1' rep=-1, association filename='n') | file='m2' {md5='m2'} rep=-1 (association md5='m2' rep=-1, association filename='n')
            [ipv4-addr:value = '1.2.3.4'] OR [ipv4-addr:value = '1.2.3.4'] ~ ip='1.2.3.4' rep=-1
            [ipv4-addr:value = '1.2.3.4' AND domain-name:value = 'a.example'] ~ ip='1.2.3.4' rep=-1 | domain='a.example' rep=-1
            [file:name = 'it\\'s \\\\ here']                       ~ filename='it's \\ here'
            [autonomous-system:number = -5]                        ~ asn=-5 rep=-1
            "  [ ipv4-addr:value\t=\n'1.2.3.4' ]  "                ~ ip='1.2.3.4' rep=-1
            """)
    void supported(String pattern, String trees) {
        Mapping mapping = indicators.map(indicator(pattern.replace("\\t", "\t").replace("\\n", "\n")), List.of());
        assertTrue(mapping.mapped(), () -> mapping.reason());
        assertEquals(List.of(trees.split(" \\| ")), mapping.trees().stream().map(TreeText::of).toList());
    }

    /** Columns: the pattern, then the reason. */
    @ParameterizedTest
    @CsvSource(delimiter = '~', quoteCharacter = '"', textBlock = """
            [ipv4-addr:value != '1.2.3.4']                         ~ operator != is not mapped
            [autonomous-system:number > 5]                         ~ operator > is not mapped
            [autonomous-system:number <= 5]                        ~ operator <= is not mapped
            [file:name LIKE 'a%']                                  ~ operator LIKE is not mapped
            [email-message:subject MATCHES '^Hi']                  ~ operator MATCHES is not mapped
            [ipv4-addr:value ISSUBSET '198.51.100.0/24']           ~ operator ISSUBSET is not mapped
            [ipv4-addr:value ISSUPERSET '198.51.100.1']            ~ operator ISSUPERSET is not mapped
            [ipv4-addr:value NOT = '1.2.3.4']                      ~ NOT is not mapped
            [ipv4-addr:value NOT IN ('1.2.3.4')]                   ~ NOT is not mapped
            [NOT ipv4-addr:value = '1.2.3.4']                      ~ NOT is not mapped
            [EXISTS ipv4-addr:value]                               ~ EXISTS is not mapped
            [ipv4-addr:value = 'a'] FOLLOWEDBY [ipv4-addr:value = 'b'] ~ FOLLOWEDBY is not mapped
            [ipv4-addr:value = 'a'] WITHIN 300 SECONDS             ~ qualifier WITHIN is not mapped
            [ipv4-addr:value = 'a'] REPEATS 5 TIMES                ~ qualifier REPEATS is not mapped
            [ipv4-addr:value = 'a'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z' ~ qualifier START is not mapped
            [ipv4-addr:x_custom = 'a']                             ~ path ipv4-addr:x_custom is not mapped
            [file:size = 5]                                        ~ path file:size is not mapped
            [file:hashes.SSDEEP = '3:a:b']                         ~ path file:hashes.SSDEEP is not mapped (the catalogue has no type for that hash)
            [email-message:body_multipart[*].body_raw_ref.name = 'a.exe'] ~ path email-message:body_multipart[*].body_raw_ref.name is not mapped
            [network-traffic:dst_ref.value = '1.2.3.4']            ~ path network-traffic:dst_ref.value is not mapped
            [mutex:name = 'Global\\\\x']                           ~ path mutex:name is not mapped
            [x-acme-thing:value = 'a']                             ~ path x-acme-thing:value is not mapped
            [autonomous-system:number = '174']                     ~ autonomous-system:number takes an integer
            [ipv4-addr:value = 5]                                  ~ ipv4-addr:value takes a string
            [autonomous-system:number = 1.5]                       ~ non-integer number 1.5 is not mapped
            [file:hashes.MD5 = h'ab']                              ~ literal h'…' is not mapped
            [file:hashes.MD5 = b'YWI=']                            ~ literal b'…' is not mapped
            [file:name = true]                                     ~ boolean literal is not mapped
            [file:name = 'a' AND file:name = 'b']                  ~ file:name is compared with two different values joined by AND
            [x509-certificate:issuer = 'CA']                       ~ x509-certificate without hashes
            [file:name = 'abc]                                     ~ unterminated string starting at offset 13
            [file:name = 'a\\x']                                   ~ invalid escape '\\x' at offset 15
            [file:name = 'a\\']                                    ~ unterminated string starting at offset 13
            [ipv4-addr:value = 'a'                                 ~ expected ']' but found end of pattern at offset 22
            ipv4-addr:value = 'a']                                 ~ unexpected path ipv4-addr:value at offset 0
            [ipv4-addr:value = 'a']]                               ~ unexpected ']' at offset 23
            (([ipv4-addr:value = 'a'])                             ~ expected ')' but found end of pattern at offset 26
            [(ipv4-addr:value = 'a']                               ~ expected ')' but found ']' at offset 23
            []                                                     ~ unexpected ']' at offset 1
            [ipv4-addr:value = 'a'] AND                            ~ unexpected end of pattern at offset 27
            [ipv4-addr:value 'a']                                  ~ unexpected string at offset 17
            [ipv4-addr:value = ]                                   ~ expected a value but found ']' at offset 19
            [ipv4-addr:value IN 'a']                               ~ expected '(' after IN but found string at offset 20
            [ipv4-addr:value IN ('a' 'b')]                         ~ expected ')' closing IN but found string at offset 25
            [ipv4-addr:value = 'a' & ipv4-addr:value = 'b']        ~ unexpected character '&' at offset 23
            [file:hashes. = 'x']                                   ~ expected a property name at offset 13
            [domain-name:resolves_to_refs[x].value = 'a']          ~ malformed list index at offset 29
            [ipv4-addr:value = 'a' and ipv4-addr:value = 'b']      ~ expected ']' but found 'and' at offset 23
            "   "                                                  ~ empty pattern
            """)
    void unsupported(String pattern, String reason) {
        Mapping mapping = indicators.map(indicator(pattern), List.of());
        assertEquals("pattern: " + reason, mapping.reason());
    }

    @Test
    void emptyPattern() {
        assertEquals("pattern: empty pattern", indicators.map(indicator(""), List.of()).reason());
    }

    @ParameterizedTest
    @CsvSource({ "snort", "yara", "sigma", "suricata", "pcre", "spl", "STIX" })
    void otherPatternTypes(String type) {
        ObjectNode indicator = indicator("alert tcp any any -> any any");
        indicator.put("pattern_type", type);
        assertEquals("pattern type " + type + " is not mapped", indicators.map(indicator, List.of()).reason());
    }

    @Test
    void indicatorWithoutPattern() {
        ObjectNode indicator = indicator("x");
        indicator.remove("pattern");
        assertEquals("indicator without a pattern", indicators.map(indicator, List.of()).reason());
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        int levels = PatternParser.MAX_DEPTH - 1;
        String pattern = "(".repeat(levels) + "[ipv4-addr:value = '1.2.3.4']" + ")".repeat(levels);
        assertEquals(List.of("ip='1.2.3.4' rep=-1"),
                indicators.map(indicator(pattern), List.of()).trees().stream().map(TreeText::of).toList());
    }

    @Test
    void adversarialPatternsFinish() {
        int size = 4 * 1024 * 1024;
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertEquals("pattern: nesting deeper than 100 levels at offset 100",
                    reason("(".repeat(size / 2) + "[ipv4-addr:value = '1.2.3.4']" + ")".repeat(size / 2)));
            assertEquals("pattern: nesting deeper than 100 levels at offset 100",
                    reason("[" + "(".repeat(size / 2) + "file:name = 'a'" + ")".repeat(size / 2) + "]"));
            assertEquals("pattern: unterminated string starting at offset 13",
                    reason("[file:name = '" + "\\\\".repeat(size / 2)));
            String longOr = "[ipv4-addr:value = '1.1.1.1'] OR ".repeat(size / 32) + "[ipv4-addr:value = '1.1.1.1']";
            assertEquals("pattern: the pattern expands to more than 10000 comparisons", reason(longOr));
            String longIn = "[ipv4-addr:value IN (" + "'1.1.1.1', ".repeat(size / 11) + "'2.2.2.2')]";
            assertEquals("pattern: the pattern expands to more than 10000 comparisons", reason(longIn));
            String explosion = "[" + "(file:name = 'a' OR file:name = 'b') AND ".repeat(40) + "file:name = 'c']";
            assertEquals("pattern: the pattern expands to more than 10000 comparisons", reason(explosion));
            String longAnd = "[" + "file:name = 'a' AND ".repeat(size / 20) + "file:name = 'a']";
            assertEquals("pattern: the pattern expands to more than 10000 comparisons", reason(longAnd));
            String longName = "a".repeat(size);
            Mapping mapped = indicators.map(indicator("[file:name = '" + longName + "']"), List.of());
            EntitySubmission tree = mapped.trees().get(0);
            assertEquals("filename", tree.type());
            assertEquals(new RawValue.Text(longName), tree.attributes().get("filename"));
            String longPath = "[file:" + "a.".repeat(size / 2) + "b = 'x']";
            assertTrue(reason(longPath).startsWith("pattern: path file:a.a.a."));
            assertTrue(reason(longPath).length() < 200);
        });
    }

    private String reason(String pattern) {
        return indicators.map(indicator(pattern), List.of()).reason();
    }

    static ObjectNode indicator(String pattern) {
        ObjectNode indicator = JsonNodeFactory.instance.objectNode();
        indicator.put("type", "indicator").put("id", "indicator--1").put("pattern", pattern);
        return indicator;
    }
}
