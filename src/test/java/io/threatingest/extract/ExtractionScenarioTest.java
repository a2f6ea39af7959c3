package io.threatingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.threatingest.domain.Catalogue;
import io.threatingest.domain.value.InvalidValueException;
import io.threatingest.domain.value.RawValue;

/** A real-looking report, the service's acceptance of every value, an IOC list, and adversarial input. */
class ExtractionScenarioTest {

    private static final int FOUR_MIB = 4 * 1024 * 1024;

    private final IndicatorExtractor extractor = new IndicatorExtractor();

    private static final String REPORT = """
            Summary (TLP:CLEAR). On 2024-03-29 the actor exploited CVE-2024-3094 and cve-2023-4966 to drop a loader \
            from hxxps://cdn-update[.]example-cdn[.]com/dl/loader[.]bin, which beacons to 198.51.100[.]23:443 and \
            to 2001:db8:dead:beef::17. The loader (SHA256 \
            5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfcb10a5b1e4f0, MD5 c4ca4238a0b923820dcc509a6f75849b) \
            also contacts update.example-cdn.com and mail.badhost[.]net; phishing came from billing[at]badhost[.]net. \
            Infrastructure sits in AS64500 and 203.0.113.0/24; the operator's laptop had MAC 3c:22:fb:01:02:03. \
            A second stage (sha1 356a192b7913b04c54574d18c28d46e6395428ab) was served from \
            http://203.0.113.9/s.ps1. Ignore notes.txt, report.pdf and the internal 10.0.0.5.\r\n""";

    @Test
    void readsAReportParagraph() {
        List<String> found = new ArrayList<>();
        for (FoundIndicator indicator : extractor.find(REPORT)) {
            found.add(indicator.type() + " " + indicator.value());
        }
        assertEquals(List.of(
                "cve CVE-2024-3094",
                "cve CVE-2023-4966",
                "url https://cdn-update.example-cdn.com/dl/loader.bin",
                "ip 198.51.100.23",
                "ip 2001:db8:dead:beef::17",
                "sha256 5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfcb10a5b1e4f0",
                "md5 c4ca4238a0b923820dcc509a6f75849b",
                "domain update.example-cdn.com",
                "domain mail.badhost.net",
                "email-address billing@badhost.net",
                "asn 64500",
                "cidr 203.0.113.0/24",
                "mac-address 3C-22-FB-01-02-03",
                "sha1 356a192b7913b04c54574d18c28d46e6395428ab",
                "url http://203.0.113.9/s.ps1"), found);
    }

    /** The report, the table of the other test and the IOC list: the service accepts every value found. */
    @Test
    void everyValueFoundIsOneTheServiceAccepts() throws InvalidValueException {
        StringBuilder all = new StringBuilder(REPORT);
        IndicatorExtractorTest.table().forEach(row -> all.append('\n').append(row.get()[0]));
        all.append(iocList(500).text());
        List<FoundIndicator> found = extractor.find(all);
        assertTrue(found.size() > 500);
        for (FoundIndicator indicator : found) {
            RawValue raw = indicator.type().equals("asn")
                    ? new RawValue.Number(indicator.value())
                    : RawValue.text(indicator.value());
            Catalogue.find(indicator.type()).dataType().normaliser().normalise(raw);
        }
    }

    @Test
    void everyLineOfAnIocListYieldsItsIndicator() {
        IocList list = iocList(5000);
        List<FoundIndicator> found = extractor.find(list.text());
        List<String> actual = new ArrayList<>();
        for (FoundIndicator indicator : found) {
            actual.add(indicator.type() + " " + indicator.found() + " " + indicator.value());
        }
        assertEquals(list.expected(), actual);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1.", "a.", "hxxp[.]", "[", "@", "a@", "0", "1.1.1.1/", ":", "a:", "[.]", "http://a%",
            "https://", "a-", "x [dot] ", "(", ")", "\\.", "hxxp://a.example.com/(", "1.2.3.4 ",
            "d41d8cd98f00b204e9800998ecf8427e ",
            "evil.example.com,", "::ffff:", "AS1" })
    void linearOnRepetitiveInput(String unit) {
        String text = repeat(unit);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> extractor.find(text));
    }

    @Test
    void linearOnLongRuns() {
        List<Supplier<String>> inputs = List.of(
                () -> IndicatorExtractorTest.hex(FOUR_MIB),
                () -> "a".repeat(FOUR_MIB - 4) + ".com",
                () -> "http://" + "a".repeat(FOUR_MIB),
                () -> "http://a.example.com/" + ")".repeat(FOUR_MIB),
                () -> "1" + ".1".repeat(FOUR_MIB / 2 - 1),
                () -> "user" + "@".repeat(FOUR_MIB),
                () -> " ".repeat(FOUR_MIB - 5) + "[dot]");
        for (Supplier<String> input : inputs) {
            String text = input.get();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> extractor.find(text));
        }
    }

    @Test
    void aLongDomainIsStillOneDomain() {
        String text = "a.".repeat(100_000) + "example.com";
        List<FoundIndicator> found = extractor.find(text);
        assertEquals(1, found.size());
        assertEquals(text, found.get(0).value());
    }

    private static String repeat(String unit) {
        return unit.repeat(FOUR_MIB / unit.length());
    }

    record IocList(String text, List<String> expected) {
    }

    /** One defanged indicator a line, types in turn, each value distinct. */
    static IocList iocList(int lines) {
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            int a = i / 250;
            int b = i % 250 + 1;
            String[] line = switch (i % 10) {
                case 0 -> new String[]{ "url", "hxxps://host" + i + "[.]example[.]com/p" + i,
                        "https://host" + i + ".example.com/p" + i };
                case 1 -> new String[]{ "ip", "198.51." + a + "[.]" + b, "198.51." + a + "." + b };
                case 2 -> new String[]{ "domain", "bad" + i + "[.]example[.]net", "bad" + i + ".example.net" };
                case 3 -> new String[]{ "email-address", "u" + i + "[@]example[.]org", "u" + i + "@example.org" };
                case 4 ->
                    new String[]{ "cidr", "203.0." + a + ".0/" + (b % 9 + 24), "203.0." + a + ".0/" + (b % 9 + 24) };
                case 5 -> hash("md5", i, 32);
                case 6 -> hash("sha256", i, 64);
                case 7 -> new String[]{ "cve", "CVE-2024-" + (10000 + i), "CVE-2024-" + (10000 + i) };
                case 8 -> new String[]{ "asn", "AS" + (64512 + i), Integer.toString(64512 + i) };
                default -> new String[]{ "ip", "2001[:]db8[:][:]" + Integer.toHexString(i), "2001:db8::"
                        + Integer.toHexString(i) };
            };
            text.append(i % 3 == 0 ? "  " : "").append(line[1]).append(i % 2 == 0 ? "\r\n" : "\n");
            expected.add(line[0] + " " + line[1] + " " + line[2]);
        }
        return new IocList(text.toString(), expected);
    }

    private static String[] hash(String type, int i, int length) {
        String digits = String.format("%0" + length + "x", i);
        return new String[]{ type, digits, digits };
    }
}
