package io.threatingest.misp;

import static io.threatingest.misp.Expected.file;
import static io.threatingest.misp.Expected.number;
import static io.threatingest.misp.Expected.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.threatingest.domain.Catalogue;
import io.threatingest.domain.EntitySubmission;
import io.threatingest.intake.Conversion;
import io.threatingest.intake.SourceObject;

/** Every kind of rule in the MISP type table, one attribute at a time (to_ids true, so reputation shows). */
class MispTypeTableTest {

    private static final String MD5 = "8764605c6f388c89096b534d33565802";
    private static final String SHA256 = "ec5aedf5ecc6bdadd4120932170d1b10f6cfa175cfda22951dfd882928ab279b";
    private static final List<String> NONE = List.of();

    static Stream<Arguments> mapped() {
        return Stream.of(
                Arguments.of("ip-dst", "8.8.8.8", text("ip", "8.8.8.8", -1, NONE)),
                Arguments.of("ip-src", "8.8.8.0/24", text("cidr", "8.8.8.0/24", -1, NONE)),
                Arguments.of("ip-dst|port", "8.8.8.8|443/tcp",
                        text("ip", "8.8.8.8", -1, NONE, text("port", "443/tcp", null, NONE))),
                Arguments.of("ip-src|port", "2001:db8::1|53/udp",
                        text("ip", "2001:db8::1", -1, NONE, text("port", "53/udp", null, NONE))),
                // no protocol in MISP, none guessed: the address alone
                Arguments.of("ip-dst|port", "8.8.8.8|443", text("ip", "8.8.8.8", -1, NONE)),
                Arguments.of("hostname|port", "mail.example.com|25/tcp",
                        text("hostname", "mail.example.com", -1, NONE, text("port", "25/tcp", null, NONE))),
                Arguments.of("domain|ip", "example.com|8.8.8.8",
                        text("domain", "example.com", -1, NONE, text("ip", "8.8.8.8", -1, NONE))),
                Arguments.of("domain", "circl.lu", text("domain", "circl.lu", -1, NONE)),
                Arguments.of("hostname", "www.circl.lu", text("hostname", "www.circl.lu", -1, NONE)),
                Arguments.of("port", "8080/tcp", text("port", "8080/tcp", null, NONE)),
                Arguments.of("AS", "AS174", number("asn", "174", -1, NONE)),
                Arguments.of("AS", "as3356", number("asn", "3356", -1, NONE)),
                Arguments.of("AS", "15169", number("asn", "15169", -1, NONE)),
                Arguments.of("AS", "AS-FOO", text("asn", "AS-FOO", -1, NONE)),
                Arguments.of("url", "https://example.com/x", text("url", "https://example.com/x", -1, NONE)),
                Arguments.of("link", "https://blog.example/post", text("link", "https://blog.example/post", -1, NONE)),
                Arguments.of("email", "a@example.com", text("email-address", "a@example.com", -1, NONE)),
                Arguments.of("email-src", "a@example.com", text("email-address", "a@example.com", -1, NONE)),
                Arguments.of("email-dst", "a@example.com", text("email-address", "a@example.com", -1, NONE)),
                Arguments.of("email-reply-to", "a@example.com", text("email-address", "a@example.com", -1, NONE)),
                Arguments.of("target-email", "a@example.com", text("email-address", "a@example.com", -1, NONE)),
                Arguments.of("whois-registrant-email", "a@example.com",
                        text("email-address", "a@example.com", -1, NONE)),
                Arguments.of("email-subject", "Invoice", text("email-subject", "Invoice", -1, NONE)),
                Arguments.of("email-message-id", "<1@x.y>", text("email", "<1@x.y>", -1, NONE)),
                Arguments.of("email-attachment", "invoice.pdf.exe", text("filename", "invoice.pdf.exe", null, NONE)),
                Arguments.of("md5", MD5, file(MD5, Map.of("md5", MD5), -1, NONE, text("md5", MD5, -1, NONE))),
                Arguments.of("sha1", "46aba99aa7158e4609aaa72b50990842fd22ae86",
                        text("sha1", "46aba99aa7158e4609aaa72b50990842fd22ae86", -1, NONE)),
                Arguments.of("sha256", SHA256, text("sha256", SHA256, -1, NONE)),
                Arguments.of("sha512/256", SHA256, text("sha512-256", SHA256, -1, NONE)),
                Arguments.of("sha3-256", SHA256,
                        file(SHA256, Map.of("sha3-256", SHA256), -1, NONE, text("sha3-256", SHA256, -1, NONE))),
                Arguments.of("filename", "evil.exe", text("filename", "evil.exe", null, NONE)),
                Arguments.of("filename|md5", "evil.exe|" + MD5, file(MD5, Map.of("md5", MD5), -1, NONE,
                        text("md5", MD5, -1, NONE), text("filename", "evil.exe", null, NONE))),
                Arguments.of("filename|sha256", "evil.exe|" + SHA256,
                        text("sha256", SHA256, -1, NONE, text("filename", "evil.exe", null, NONE))),
                // a name with a bar in it: the hash is after the last bar
                Arguments.of("filename|sha512/224", "a|b.exe|" + "ab".repeat(28), text("sha512-224",
                        "ab".repeat(28), -1, NONE, text("filename", "a|b.exe", null, NONE))),
                Arguments.of("filename|authentihash", "evil.exe|" + SHA256,
                        text("authentihash", SHA256, -1, NONE, text("filename", "evil.exe", null, NONE))),
                // the catalogue has no ssdeep: the name alone
                Arguments.of("filename|ssdeep", "evil.exe|3:abc:def", text("filename", "evil.exe", null, NONE)),
                Arguments.of("malware-sample", "evil.exe|" + MD5, file(MD5, Map.of("md5", MD5), -1, NONE,
                        text("md5", MD5, -1, NONE), text("filename", "evil.exe", null, NONE))),
                Arguments.of("attachment", "report.pdf", text("filename", "report.pdf", null, NONE)),
                Arguments.of("size-in-bytes", "1048576", number("size-in-bytes", "1048576", -1, NONE)),
                Arguments.of("size-in-bytes", "lots", text("size-in-bytes", "lots", -1, NONE)),
                Arguments.of("regkey", "HKLM\\Software\\Run", text("regkey", "HKLM\\Software\\Run", -1, NONE)),
                Arguments.of("regkey|value", "HKLM\\Software\\Run|c:\\evil.exe", text("regkey",
                        "HKLM\\Software\\Run", -1, NONE, text("value", "c:\\evil.exe", null, NONE))),
                Arguments.of("vulnerability", "CVE-2021-44228", text("cve", "CVE-2021-44228", -1, NONE)),
                Arguments.of("threat-actor", "APT28", text("adversary", "APT28", -1, NONE)),
                Arguments.of("btc", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
                        text("btc", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", -1, NONE)),
                Arguments.of("xmr", "4Aabc", text("xmr", "4Aabc", -1, NONE)),
                Arguments.of("dash", "Xabc", text("dash", "Xabc", -1, NONE)),
                Arguments.of("cc-number", "4111111111111111", number("cc-number", "4111111111111111", -1, NONE)),
                Arguments.of("ja3-fingerprint-md5", MD5, text("ja3-fingerprint", MD5, -1, NONE)),
                Arguments.of("jarm-fingerprint", "2ad", text("jarm-fingerprint", "2ad", -1, NONE)),
                Arguments.of("x509-fingerprint-sha1", "46aba99aa7158e4609aaa72b50990842fd22ae86",
                        text("certificate-fingerprint", "46aba99aa7158e4609aaa72b50990842fd22ae86", -1, NONE)),
                Arguments.of("x509-fingerprint-sha256", SHA256, text("certificate-fingerprint", SHA256, -1, NONE)),
                Arguments.of("phone-number", "+15551234567", text("phone", "+15551234567", -1, NONE)),
                Arguments.of("mac-address", "00-1A-2B-3C-4D-5E", text("mac-address", "00-1A-2B-3C-4D-5E", -1, NONE)),
                Arguments.of("cpe", "cpe:2.3:a:x:y:1", text("cpe", "cpe:2.3:a:x:y:1", -1, NONE)),
                Arguments.of("github-username", "octocat", text("username", "octocat", -1, NONE)),
                Arguments.of("github-repository", "https://github.com/a/b",
                        text("github-repository", "https://github.com/a/b", -1, NONE)),
                Arguments.of("pdb", "C:\\build\\x.pdb", text("path", "C:\\build\\x.pdb", -1, NONE)),
                Arguments.of("email-src-display-name", "Boss", text("email-display-name", "Boss", -1, NONE)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource
    void mapped(String type, String value, EntitySubmission tree) {
        SourceObject object = one(type, value);
        assertNull(object.notMapped(), () -> type + ": " + object.notMapped());
        assertEquals(type, object.kind());
        assertEquals(List.of(tree), object.trees());
    }

    static Stream<Arguments> notMapped() {
        return Stream.of(
                Arguments.of("text", "hello", "MISP type text: free text, not an indicator"),
                Arguments.of("comment", "hello", "MISP type comment: free text, not an indicator"),
                Arguments.of("other", "hello", "MISP type other: free text, not an indicator"),
                Arguments.of("yara", "rule x {}", "MISP type yara: a detection rule or query, not an indicator value"),
                Arguments.of("sigma", "title: x", "MISP type sigma: a detection rule or query, not an indicator value"),
                Arguments.of("snort", "alert tcp",
                        "MISP type snort: a detection rule or query, not an indicator value"),
                Arguments.of("user-agent", "curl/8", "MISP type user-agent: the catalogue has no entity type for it"),
                Arguments.of("mutex", "Global\\x", "MISP type mutex: the catalogue has no entity type for it"),
                Arguments.of("named pipe", "\\\\.\\pipe\\x",
                        "MISP type named pipe: the catalogue has no entity type for it"),
                Arguments.of("ssdeep", "3:abc:def", "MISP type ssdeep: the catalogue has no entity type for it (a "
                        + "similarity or partial hash, not a digest of the whole file)"),
                Arguments.of("imphash", MD5, "MISP type imphash: the catalogue has no entity type for it (a "
                        + "similarity or partial hash, not a digest of the whole file)"),
                Arguments.of("mac-eui-64", "00-1A-2B-FF-FE-3C-4D-5E",
                        "MISP type mac-eui-64: an EUI-64 has eight octets, the catalogue's mac-address six"),
                Arguments.of("uri", "/index.php",
                        "MISP type uri: a bare path of a request: without its host it names nothing on its own"),
                Arguments.of("twitter-id", "jack", "MISP type twitter-id: an X handle or numeric id, while "
                        + "twitter-profile is the profile's address"),
                Arguments.of("first-name", "Jane", "MISP type first-name: a personal detail that no entity type holds"),
                Arguments.of("no-such-type", "x", "MISP type no-such-type has no entity type"),
                Arguments.of("port", "443", "the port 443 comes without its transport protocol, which the port type "
                        + "needs (443/tcp); none is guessed"),
                Arguments.of("domain|ip", "example.com", "a value of this type is two values joined by |"),
                Arguments.of("filename|md5", MD5, "a value of this type is a file name and a hash joined by |"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource
    void notMapped(String type, String value, String reason) {
        SourceObject object = one(type, value);
        assertEquals(reason, object.notMapped());
        assertEquals(List.of(), object.trees());
    }

    @Test
    void everyEntityTypeTheTableNamesIsInTheCatalogue() {
        for (Map.Entry<String, AttributeRule> rule : AttributeTypes.all().entrySet()) {
            if (rule.getValue() instanceof AttributeRule.Single single) {
                assertTrue(Catalogue.find(single.type()) != null, rule.getKey() + " -> " + single.type());
            }
        }
    }

    private static SourceObject one(String type, String value) {
        ObjectNode attribute = Expected.JSON.createObjectNode().put("uuid", "u").put("type", type)
                .put("value", value).put("to_ids", true);
        ObjectNode document = Expected.JSON.createObjectNode();
        document.putObject("Event").putArray("Attribute").add(attribute);
        Conversion conversion = new MispMapper().map(document);
        assertEquals(1, conversion.objects().size());
        return conversion.objects().get(0);
    }
}
