package io.threatingest.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.threatingest.intake.SourceObject;

/** Object by object mapping of STIX types, tags and relationships, one small bundle per area. */
class StixObjectsTest {

    @Test
    void addressesAndTheirReferences() throws Exception {
        assertEquals(List.of(
                "ipv4-addr: ip='203.0.113.9' (association mac-address='00-11-22-33-44-55', association asn=64500 "
                        + "(association aso='Example AS'))",
                "ipv4-addr: cidr='198.51.100.0/24'",
                "ipv6-addr: ip='2001:db8::1'",
                "ipv6-addr: cidr='2001:db8::/32'",
                "mac-addr: mac-address='00-11-22-33-44-55'",
                "autonomous-system: asn=64500 (association aso='Example AS')",
                "domain-name: domain='a.example' (association ip='203.0.113.9', association domain='b.example')",
                "domain-name: domain='b.example' (association domain='a.example')",
                "url: url='https://a.example/x'",
                "email-addr: email-address='a@b.example' (association email-display-name='Alice')",
                "ipv4-addr: NOT ipv4-addr without value"),
                lines("""
                        {"type": "ipv4-addr", "id": "ipv4-addr--1", "value": "203.0.113.9",
                         "resolves_to_refs": ["mac-addr--1", "mac-addr--missing"], "belongs_to_refs": ["autonomous-system--1"]},
                        {"type": "ipv4-addr", "id": "ipv4-addr--2", "value": "198.51.100.0/24"},
                        {"type": "ipv6-addr", "id": "ipv6-addr--1", "value": "2001:db8::1"},
                        {"type": "ipv6-addr", "id": "ipv6-addr--2", "value": "2001:db8::/32"},
                        {"type": "mac-addr", "id": "mac-addr--1", "value": "00-11-22-33-44-55"},
                        {"type": "autonomous-system", "id": "autonomous-system--1", "number": 64500, "name": "Example AS"},
                        {"type": "domain-name", "id": "domain-name--1", "value": "a.example",
                         "resolves_to_refs": ["ipv4-addr--1", "domain-name--2"]},
                        {"type": "domain-name", "id": "domain-name--2", "value": "b.example", "resolves_to_refs": ["domain-name--1"]},
                        {"type": "url", "id": "url--1", "value": "https://a.example/x"},
                        {"type": "email-addr", "id": "email-addr--1", "value": "a@b.example", "display_name": "Alice"},
                        {"type": "ipv4-addr", "id": "ipv4-addr--3"}
                        """));
    }

    @Test
    void filesArtifactsAndCertificates() throws Exception {
        String md5 = "md5='d41d8cd98f00b204e9800998ecf8427e'";
        assertEquals(List.of(
                "file: file='d41d8cd98f00b204e9800998ecf8427e' {md5='d41d8cd98f00b204e9800998ecf8427e', "
                        + "sha1='s1', sha256='s256', sha3-256='s3'} (association sha256='s256', "
                        + "association sha512='s512', association sha1='s1', association sha384='s384', "
                        + "association sha224='s224', association sha3-512='s3512', association " + md5
                        + ", association sha3-256='s3', association filename='a.exe', "
                        + "association mime-type='application/x-dosexec', aggregation filename='inner.dll')",
                "file: filename='inner.dll'",
                "file: sha256='x256' (association filename='b.exe')",
                "file: NOT file has neither a hash the catalogue knows nor a name",
                "artifact: file='m' {md5='m'} (association md5='m', association url='https://a.example/p.bin')",
                "artifact: url='https://a.example/q.bin'",
                "artifact: NOT artifact without url or known hash: embedded content (payload_bin) is not an entity",
                "x509-certificate: certificate-fingerprint='aa11' (association certificate-fingerprint='bb22', "
                        + "association issuer='C=US, O=Example CA')",
                "x509-certificate: NOT x509-certificate without hashes"),
                lines("""
                        {"type": "file", "id": "file--1", "name": "a.exe", "mime_type": "application/x-dosexec",
                         "hashes": {"MD5": "d41d8cd98f00b204e9800998ecf8427e", "SHA-1": "s1", "sha256": "s256",
                                    "SHA-256": "ignored, first spelling wins", "SHA512": "s512", "SHA-384": "s384",
                                    "SHA-224": "s224", "SHA3-256": "s3", "sha3_512": "s3512",
                                    "SSDEEP": "3:a:b", "TLSH": "T1"},
                         "contains_refs": ["file--2"]},
                        {"type": "file", "id": "file--2", "name": "inner.dll"},
                        {"type": "file", "id": "file--3", "name": "b.exe", "hashes": {"SHA256": "x256"}},
                        {"type": "file", "id": "file--4", "hashes": {"SSDEEP": "3:a:b"}, "size": 10},
                        {"type": "artifact", "id": "artifact--1", "hashes": {"MD5": "m"}, "url": "https://a.example/p.bin"},
                        {"type": "artifact", "id": "artifact--2", "url": "https://a.example/q.bin"},
                        {"type": "artifact", "id": "artifact--3", "payload_bin": "YWI="},
                        {"type": "x509-certificate", "id": "x509-certificate--1", "issuer": "C=US, O=Example CA",
                         "hashes": {"SHA-256": "aa11", "SHA-1": "bb22", "MD5": "aa11"}},
                        {"type": "x509-certificate", "id": "x509-certificate--2", "serial_number": "01"}
                        """));
    }

    @Test
    void hostObservables() throws Exception {
        assertEquals(List.of(
                "windows-registry-key: regkey='HKEY_LOCAL_MACHINE\\Software\\Run'",
                "user-account: username='root'",
                "user-account: username='1001'",
                "user-account: NOT user-account without user_id",
                "process: command='cmd.exe /c whoami'",
                "process: NOT process without command_line",
                "directory: path='C:\\Temp'",
                "software: cpe='cpe:2.3:a:example:tool:1.0:*:*:*:*:*:*:*'",
                "software: NOT software without cpe",
                "mutex: NOT the catalogue has no type for mutex names",
                "network-traffic: NOT a connection between endpoints has no catalogue type; its address objects are "
                        + "mapped on their own"),
                lines("""
                        {"type": "windows-registry-key", "id": "windows-registry-key--1", "key": "HKEY_LOCAL_MACHINE\\\\Software\\\\Run"},
                        {"type": "user-account", "id": "user-account--1", "account_login": "root", "user_id": "0"},
                        {"type": "user-account", "id": "user-account--2", "user_id": "1001"},
                        {"type": "user-account", "id": "user-account--3", "display_name": "Someone"},
                        {"type": "process", "id": "process--1", "command_line": "cmd.exe /c whoami", "pid": 4},
                        {"type": "process", "id": "process--2", "pid": 4},
                        {"type": "directory", "id": "directory--1", "path": "C:\\\\Temp"},
                        {"type": "software", "id": "software--1", "name": "Tool", "cpe": "cpe:2.3:a:example:tool:1.0:*:*:*:*:*:*:*"},
                        {"type": "software", "id": "software--2", "name": "Tool"},
                        {"type": "mutex", "id": "mutex--1", "name": "Global\\\\x"},
                        {"type": "network-traffic", "id": "network-traffic--1", "dst_ref": "ipv4-addr--1", "protocols": ["tcp"]}
                        """));
    }

    @Test
    void emailMessages() throws Exception {
        assertEquals(List.of(
                "email-addr: email-address='a@b.example' (association email-display-name='Alice')",
                "email-addr: email-address='s@b.example'",
                "email-message: email='<1@b.example>' {email-subject='Invoice', email-address='a@b.example', "
                        + "email-display-name='Alice'} (association email-address='a@b.example' "
                        + "(association email-display-name='Alice'), association email-address='s@b.example', "
                        + "association email-subject='Invoice')",
                "email-message: email-address='s@b.example' (association email-subject='Hi')",
                "email-message: email-subject='Hello'",
                "email-message: NOT email-message without message_id, subject or a sender address in the document"),
                lines("""
                        {"type": "email-addr", "id": "email-addr--1", "value": "a@b.example", "display_name": "Alice"},
                        {"type": "email-addr", "id": "email-addr--2", "value": "s@b.example"},
                        {"type": "email-message", "id": "email-message--1", "is_multipart": false,
                         "message_id": "<1@b.example>", "subject": "Invoice", "from_ref": "email-addr--1",
                         "sender_ref": "email-addr--2", "to_refs": ["email-addr--2"], "body": "not mapped"},
                        {"type": "email-message", "id": "email-message--2", "sender_ref": "email-addr--2",
                         "from_ref": "email-addr--missing", "subject": "Hi"},
                        {"type": "email-message", "id": "email-message--3", "subject": "Hello"},
                        {"type": "email-message", "id": "email-message--4", "to_refs": ["email-addr--1"]}
                        """));
    }

    @Test
    void domainObjects() throws Exception {
        assertEquals(List.of(
                "vulnerability: cve='CVE-2021-44228'",
                "vulnerability: cve='CVE-2017-0144'",
                "vulnerability: NOT vulnerability without a CVE id in its name or a cve external reference",
                "malware: malware='Emotet' tags=[trojan] (association malware-type='trojan' tags=[trojan], "
                        + "association malware-type='dropper' tags=[trojan], association malware='Geodo' tags=[trojan], "
                        + "association malware='Heodo' tags=[trojan])",
                "malware: NOT malware without name",
                "threat-actor: adversary='APT28' (association adversary='Fancy Bear', association "
                        + "adversary='Sofacy')",
                "intrusion-set: adversary='Lazarus Group'",
                "location: country='DE' (association city='Berlin')",
                "location: city='Paris'",
                "location: NOT location without country or city (regions and coordinates are not mapped)",
                "tool: NOT the catalogue has no type for tools, and tools are mostly legitimate software (remote "
                        + "administration, scanners), so calling them malware would be wrong",
                "campaign: NOT a campaign is a set of activity, neither an adversary nor an observable; the "
                        + "catalogue has no type for it",
                "report: NOT a container: its referenced objects are mapped on their own",
                "note: NOT a note comments on other objects, which are mapped on their own",
                "opinion: NOT an opinion rates other objects, which are mapped on their own",
                "infrastructure: NOT infrastructure is described in prose; its observables are mapped from the "
                        + "objects related to it",
                "language-content: NOT translations of other objects' text",
                "extension-definition: NOT describes a schema extension, not intelligence",
                "incident: NOT the catalogue has no type for incidents",
                "x-acme-widget: NOT custom object type x-acme-widget is not mapped",
                "something-new: NOT unknown object type something-new"),
                lines("""
                        {"type": "vulnerability", "id": "vulnerability--1", "name": "Log4Shell",
                         "external_references": [{"source_name": "capec", "external_id": "CAPEC-1"},
                                                 {"source_name": "cve", "external_id": "CVE-2021-44228"}]},
                        {"type": "vulnerability", "id": "vulnerability--2", "name": "CVE-2017-0144"},
                        {"type": "vulnerability", "id": "vulnerability--3", "name": "Heartbleed"},
                        {"type": "malware", "id": "malware--1", "name": "Emotet", "is_family": true,
                         "malware_types": ["trojan", "dropper"], "aliases": ["Geodo", "Emotet", "Heodo"], "labels": ["trojan"]},
                        {"type": "malware", "id": "malware--2", "is_family": false},
                        {"type": "threat-actor", "id": "threat-actor--1", "name": "APT28", "aliases": ["Fancy Bear", "Sofacy"]},
                        {"type": "intrusion-set", "id": "intrusion-set--1", "name": "Lazarus Group"},
                        {"type": "location", "id": "location--1", "country": "DE", "city": "Berlin", "latitude": 52.5},
                        {"type": "location", "id": "location--2", "city": "Paris"},
                        {"type": "location", "id": "location--3", "region": "europe"},
                        {"type": "tool", "id": "tool--1", "name": "PsExec"},
                        {"type": "campaign", "id": "campaign--1", "name": "Operation X"},
                        {"type": "report", "id": "report--1", "object_refs": ["tool--1"]},
                        {"type": "note", "id": "note--1", "content": "x", "object_refs": ["tool--1"]},
                        {"type": "opinion", "id": "opinion--1", "opinion": "agree", "object_refs": ["tool--1"]},
                        {"type": "infrastructure", "id": "infrastructure--1", "name": "C2"},
                        {"type": "language-content", "id": "language-content--1"},
                        {"type": "extension-definition", "id": "extension-definition--1"},
                        {"type": "incident", "id": "incident--1", "name": "x"},
                        {"type": "x-acme-widget", "id": "x-acme-widget--1"},
                        {"type": "something-new", "id": "something-new--1"}
                        """));
    }

    @Test
    void labelsAndTlpMarkingsBecomeTags() throws Exception {
        assertEquals(List.of(
                "marking-definition: NOT a handling marking, not intelligence; TLP markings become tags of the "
                        + "objects that reference them",
                "marking-definition: NOT a handling marking, not intelligence; TLP markings become tags of the "
                        + "objects that reference them",
                "marking-definition: NOT a handling marking, not intelligence; TLP markings become tags of the "
                        + "objects that reference them",
                "url: url='https://a.example/1' tags=[tlp:white, tlp:green, tlp:amber, tlp:red]",
                "url: url='https://a.example/2' tags=[tlp:clear, tlp:amber+strict]",
                "url: url='https://a.example/3' tags=[b, a, tlp:red, tlp:amber]",
                "malware: malware='X' tags=[family, tlp:green]"),
                lines("""
                        {"type": "marking-definition", "id": "marking-definition--local-red", "definition_type": "tlp",
                         "definition": {"tlp": "red"}},
                        {"type": "marking-definition", "id": "marking-definition--local-amber", "name": "TLP:AMBER",
                         "extensions": {"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":
                                        {"extension_type": "property-extension", "tlp_2_0": "amber"}}},
                        {"type": "marking-definition", "id": "marking-definition--statement", "definition_type": "statement",
                         "definition": {"statement": "Copyright Example"}},
                        {"type": "url", "id": "url--1", "value": "https://a.example/1", "object_marking_refs": [
                          "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
                          "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
                          "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
                          "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"]},
                        {"type": "url", "id": "url--2", "value": "https://a.example/2", "object_marking_refs": [
                          "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
                          "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
                          "marking-definition--statement", "marking-definition--unknown"]},
                        {"type": "url", "id": "url--3", "value": "https://a.example/3", "labels": ["b", "a", "b", 5],
                         "object_marking_refs": ["marking-definition--local-red", "marking-definition--local-amber",
                                                 "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"]},
                        {"type": "malware", "id": "malware--1", "name": "X", "labels": ["family"], "object_marking_refs": [
                          "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
                          "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421x"]}
                        """));
    }

    @Test
    void indicatorsCarryTheirTagsAndReputation() throws Exception {
        assertEquals(List.of(
                "indicator: ip='203.0.113.1' rep=-3 tags=[malicious-activity, tlp:amber]",
                "indicator: domain='ok.example' rep=2 tags=[tlp:amber]",
                "indicator: NOT revoked",
                "indicator: NOT pattern type yara is not mapped"),
                lines("""
                        {"type": "indicator", "id": "indicator--1", "spec_version": "2.0", "labels": ["malicious-activity"],
                         "confidence": 90, "pattern": "[ipv4-addr:value = '203.0.113.1']",
                         "object_marking_refs": ["marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"]},
                        {"type": "indicator", "id": "indicator--2", "indicator_types": ["benign"], "confidence": 60,
                         "pattern_type": "stix", "pattern": "[domain-name:value = 'ok.example']",
                         "object_marking_refs": ["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"]},
                        {"type": "indicator", "id": "indicator--3", "revoked": true, "pattern": "[url:value = 'http://x.example/']"},
                        {"type": "indicator", "id": "indicator--4", "pattern_type": "yara", "pattern": "rule x { condition: true }"}
                        """));
    }

    @Test
    void relationshipsAndSightings() throws Exception {
        assertEquals(List.of(
                "malware: malware='X'",
                "file: sha256='aa' (association filename='x.exe')",
                "ipv4-addr: ip='203.0.113.5'",
                "observed-data: NOT its object_refs point at cyber observables that are mapped on their own",
                "indicator: url='http://c2.example/' rep=-1",
                "course-of-action: NOT a course of action is a recommended response, not an observable",
                "relationship: malware='X' (aggregation sha256='aa')",
                "relationship: url='http://c2.example/' rep=-1 (association malware='X')",
                "relationship: NOT target course-of-action--1 maps to no entity",
                "relationship: NOT target malware--missing is not in the document",
                "relationship: NOT source (none) is not in the document",
                "relationship: url='http://c2.example/' rep=-1 (association sha256='aa', association "
                        + "ip='203.0.113.5')",
                "sighting: url='http://c2.example/' rep=-1 (association sha256='aa', association "
                        + "ip='203.0.113.5')",
                "sighting: NOT no observed data of the sighting is in the document and maps to an entity",
                "sighting: NOT sighting_of_ref course-of-action--1 maps to no entity"),
                lines("""
                        {"type": "malware", "id": "malware--1", "name": "X"},
                        {"type": "file", "id": "file--1", "name": "x.exe", "hashes": {"SHA-256": "aa"}},
                        {"type": "ipv4-addr", "id": "ipv4-addr--1", "value": "203.0.113.5"},
                        {"type": "observed-data", "id": "observed-data--1", "object_refs": ["file--1", "ipv4-addr--1", "x--gone"]},
                        {"type": "indicator", "id": "indicator--1", "pattern": "[url:value = 'http://c2.example/']"},
                        {"type": "course-of-action", "id": "course-of-action--1", "name": "Block"},
                        {"type": "relationship", "id": "relationship--1", "relationship_type": "consists-of",
                         "source_ref": "malware--1", "target_ref": "file--1"},
                        {"type": "relationship", "id": "relationship--2", "relationship_type": "indicates",
                         "source_ref": "indicator--1", "target_ref": "malware--1"},
                        {"type": "relationship", "id": "relationship--3", "relationship_type": "mitigates",
                         "source_ref": "malware--1", "target_ref": "course-of-action--1"},
                        {"type": "relationship", "id": "relationship--4", "relationship_type": "uses",
                         "source_ref": "indicator--1", "target_ref": "malware--missing"},
                        {"type": "relationship", "id": "relationship--5", "relationship_type": "uses"},
                        {"type": "relationship", "id": "relationship--6", "relationship_type": "based-on",
                         "source_ref": "indicator--1", "target_ref": "observed-data--1"},
                        {"type": "sighting", "id": "sighting--1", "sighting_of_ref": "indicator--1",
                         "observed_data_refs": ["observed-data--1"], "where_sighted_refs": ["identity--1"]},
                        {"type": "sighting", "id": "sighting--2", "sighting_of_ref": "indicator--1"},
                        {"type": "sighting", "id": "sighting--3", "sighting_of_ref": "course-of-action--1",
                         "observed_data_refs": ["observed-data--1"]}
                        """));
    }

    /** A relationship_type that is absent, null or not a string is an ordinary (non-containment) relationship. */
    @Test
    void relationshipWithoutAStringTypeIsAnAssociation() throws Exception {
        String link = "relationship: malware='X' (association sha256='aa')";
        assertEquals(List.of("malware: malware='X'", "file: sha256='aa'", link, link, link, link),
                lines("""
                        {"type": "malware", "id": "malware--1", "name": "X"},
                        {"type": "file", "id": "file--1", "hashes": {"SHA-256": "aa"}},
                        {"type": "relationship", "id": "relationship--1", "source_ref": "malware--1", "target_ref": "file--1"},
                        {"type": "relationship", "id": "relationship--2", "relationship_type": null,
                         "source_ref": "malware--1", "target_ref": "file--1"},
                        {"type": "relationship", "id": "relationship--3", "relationship_type": 7,
                         "source_ref": "malware--1", "target_ref": "file--1"},
                        {"type": "relationship", "id": "relationship--4", "relationship_type": ["contains"],
                         "source_ref": "malware--1", "target_ref": "file--1"}
                        """));
    }

    /** Ends and references of the wrong JSON type are reported with the object's pointer, never thrown. */
    @Test
    void relationshipAndSightingMembersOfTheWrongTypeAreNotMapped() throws Exception {
        var bundle = new ObjectMapper().readTree("""
                {"type": "bundle", "objects": [
                  {"type": "malware", "id": "malware--1", "name": "X"},
                  {"type": "relationship", "id": "relationship--1", "relationship_type": "uses",
                   "source_ref": {"id": "malware--1"}, "target_ref": "malware--1"},
                  {"type": "relationship", "id": "relationship--2", "source_ref": "malware--1", "target_ref": 3},
                  {"type": "sighting", "id": "sighting--1", "sighting_of_ref": null, "observed_data_refs": "x"},
                  {"type": "sighting", "id": "sighting--2", "sighting_of_ref": "malware--1",
                   "observed_data_refs": {"0": "malware--1"}}
                ]}""");
        List<SourceObject> objects = new StixMapper().bundle(bundle).objects();
        assertEquals(List.of("source (none) is not in the document", "target (none) is not in the document",
                "sighting_of_ref (none) is not in the document",
                "no observed data of the sighting is in the document and maps to an entity"),
                objects.subList(1, 5).stream().map(SourceObject::notMapped).toList());
        assertEquals(List.of("/objects/1", "/objects/2", "/objects/3", "/objects/4"),
                objects.subList(1, 5).stream().map(SourceObject::pointer).toList());
    }

    @Test
    void embeddedObservablesOfStix20() throws Exception {
        assertEquals(List.of(
                "observed-data: domain='a.example' tags=[seen] (association ip='203.0.113.7' tags=[seen]) | "
                        + "ip='203.0.113.7' tags=[seen]",
                "observed-data: NOT no embedded observable maps to an entity (0: the catalogue has no type for mutex names; "
                        + "1: file has neither a hash the catalogue knows nor a name)"),
                lines("""
                        {"type": "observed-data", "id": "observed-data--1", "labels": ["seen"], "number_observed": 1,
                         "objects": {"0": {"type": "domain-name", "value": "a.example", "resolves_to_refs": ["1"]},
                                     "1": {"type": "ipv4-addr", "value": "203.0.113.7"}}},
                        {"type": "observed-data", "id": "observed-data--2", "number_observed": 1,
                         "objects": {"0": {"type": "mutex", "name": "x"}, "1": {"type": "file", "size": 1}}}
                        """));
    }

    /** The objects of a bundle as {@code kind: trees joined by " | "} or {@code kind: NOT reason}. */
    private static List<String> lines(String objects) throws Exception {
        var bundle = new ObjectMapper().readTree("{\"type\": \"bundle\", \"objects\": [" + objects + "]}");
        return new StixMapper().bundle(bundle).objects().stream().map(StixObjectsTest::line).toList();
    }

    private static String line(SourceObject object) {
        return object.kind() + ": "
                + (object.mapped() ? String.join(" | ", TreeText.of(object)) : "NOT " + object.notMapped());
    }
}
