package io.threatingest.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The real documents {@link IntakeFuzzTest} mutates, per door: the public samples of the test resources, and
 * documents of our own that reach every mapping rule (patterns, relationships, sightings, markings, MISP objects,
 * galaxies, tags and references), batches of entity trees, and texts with indicators.
 */
final class IntakeFuzzSeeds {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> STIX_SAMPLES = List.of("indicator-for-c2-ip-address.json",
            "indicators-for-C2-with-COA.json", "malicious-email-indicator-with-attachment.json",
            "misp-events-collection.stix21.json");
    static final List<String> MISP_SAMPLES = List.of("events-collection-1.json", "objects-collection-1.json");

    static final String GENERATED_BUNDLE = """
            {"type": "bundle", "id": "bundle--0f1e2d3c-4b5a-4968-8776-655443322110", "objects": [
              {"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--1d2c3b4a-0000-4000-8000-000000000001",
               "created": "2024-01-01T00:00:00.000Z", "definition_type": "tlp", "definition": {"tlp": "amber"}},
              {"type": "identity", "spec_version": "2.1", "id": "identity--1d2c3b4a-0000-4000-8000-000000000002",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "name": "Fuzz CERT",
               "identity_class": "organization"},
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--1d2c3b4a-0000-4000-8000-000000000003",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-02T00:00:00.000Z",
               "indicator_types": ["malicious-activity"], "confidence": 80, "labels": ["c2", "fuzz"],
               "object_marking_refs": ["marking-definition--1d2c3b4a-0000-4000-8000-000000000001",
                 "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"],
               "pattern": "[ipv4-addr:value = '203.0.113.17'] OR [domain-name:value = 'c2.fuzz.example' AND domain-name:resolves_to_refs[*].value = '203.0.113.18']",
               "pattern_type": "stix", "valid_from": "2024-01-01T00:00:00Z"},
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--1d2c3b4a-0000-4000-8000-000000000004",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
               "indicator_types": ["benign"], "confidence": 20,
               "pattern": "[file:hashes.'SHA-256' = 'ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c' AND file:name = 'fuzz.exe'] AND [url:value IN ('http://a.fuzz.example/x', 'http://b.fuzz.example/y')]",
               "pattern_type": "stix", "valid_from": "2024-01-01T00:00:00Z"},
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--1d2c3b4a-0000-4000-8000-000000000005",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
               "pattern": "[email-message:from_ref.value = 'boss@fuzz.example' AND email-message:subject = 'Invoice'] AND [autonomous-system:number = 64500]",
               "pattern_type": "stix", "valid_from": "2024-01-01T00:00:00Z"},
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--1d2c3b4a-0000-4000-8000-000000000006",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
               "pattern": "rule fuzz { condition: true }", "pattern_type": "yara", "valid_from": "2024-01-01T00:00:00Z"},
              {"type": "malware", "spec_version": "2.1", "id": "malware--1d2c3b4a-0000-4000-8000-000000000007",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "name": "FuzzRAT",
               "aliases": ["FuzzyRAT", "FRAT"], "malware_types": ["remote-access-trojan", "backdoor"], "is_family": true},
              {"type": "threat-actor", "spec_version": "2.1", "id": "threat-actor--1d2c3b4a-0000-4000-8000-000000000008",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "name": "Fuzz Bear",
               "aliases": ["APT-F"]},
              {"type": "vulnerability", "spec_version": "2.1", "id": "vulnerability--1d2c3b4a-0000-4000-8000-000000000009",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "name": "a flaw",
               "external_references": [{"source_name": "cve", "external_id": "CVE-2024-12345"}]},
              {"type": "location", "spec_version": "2.1", "id": "location--1d2c3b4a-0000-4000-8000-00000000000a",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "country": "DE",
               "city": "Berlin"},
              {"type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--1d2c3b4a-0000-4000-8000-00000000000b",
               "value": "198.51.100.23", "resolves_to_refs": ["mac-addr--1d2c3b4a-0000-4000-8000-00000000000c"],
               "belongs_to_refs": ["autonomous-system--1d2c3b4a-0000-4000-8000-00000000000d"]},
              {"type": "mac-addr", "spec_version": "2.1", "id": "mac-addr--1d2c3b4a-0000-4000-8000-00000000000c",
               "value": "00:11:22:33:44:55"},
              {"type": "autonomous-system", "spec_version": "2.1", "id": "autonomous-system--1d2c3b4a-0000-4000-8000-00000000000d",
               "number": 64501, "name": "Fuzz AS"},
              {"type": "domain-name", "spec_version": "2.1", "id": "domain-name--1d2c3b4a-0000-4000-8000-00000000000e",
               "value": "files.fuzz.example", "resolves_to_refs": ["ipv4-addr--1d2c3b4a-0000-4000-8000-00000000000b"]},
              {"type": "url", "spec_version": "2.1", "id": "url--1d2c3b4a-0000-4000-8000-00000000000f",
               "value": "https://files.fuzz.example/drop.bin"},
              {"type": "file", "spec_version": "2.1", "id": "file--1d2c3b4a-0000-4000-8000-000000000010",
               "name": "drop.bin", "mime_type": "application/octet-stream",
               "hashes": {"MD5": "8764605c6f388c89096b534d33565802", "SHA-1": "46aba99aa7158e4609aaa72b50990842fd22ae86",
                 "SHA-256": "ec5aedf5ecc6bdadd4120932170d1b10f6cfa175cfda22951dfd882928ab279b", "SSDEEP": "3:a:b"},
               "contains_refs": ["file--1d2c3b4a-0000-4000-8000-000000000011"]},
              {"type": "file", "spec_version": "2.1", "id": "file--1d2c3b4a-0000-4000-8000-000000000011", "name": "inner.dll"},
              {"type": "email-addr", "spec_version": "2.1", "id": "email-addr--1d2c3b4a-0000-4000-8000-000000000012",
               "value": "billing@fuzz.example", "display_name": "Billing"},
              {"type": "email-message", "spec_version": "2.1", "id": "email-message--1d2c3b4a-0000-4000-8000-000000000013",
               "is_multipart": false, "subject": "Your invoice", "message_id": "<1@fuzz.example>",
               "from_ref": "email-addr--1d2c3b4a-0000-4000-8000-000000000012"},
              {"type": "x509-certificate", "spec_version": "2.1", "id": "x509-certificate--1d2c3b4a-0000-4000-8000-000000000014",
               "issuer": "CN=Fuzz CA", "hashes": {"SHA-256": "aa11bb22cc33dd44ee55ff66aa11bb22cc33dd44ee55ff66aa11bb22cc33dd44", "SHA-1": "0123456789abcdef0123456789abcdef01234567"}},
              {"type": "user-account", "spec_version": "2.1", "id": "user-account--1d2c3b4a-0000-4000-8000-000000000015",
               "account_login": "fuzzadmin", "user_id": "1001"},
              {"type": "artifact", "spec_version": "2.1", "id": "artifact--1d2c3b4a-0000-4000-8000-000000000016",
               "url": "https://files.fuzz.example/a.zip", "hashes": {"SHA-256": "ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c"}},
              {"type": "windows-registry-key", "spec_version": "2.1", "id": "windows-registry-key--1d2c3b4a-0000-4000-8000-000000000017",
               "key": "HKEY_LOCAL_MACHINE\\\\Software\\\\Fuzz"},
              {"type": "network-traffic", "spec_version": "2.1", "id": "network-traffic--1d2c3b4a-0000-4000-8000-000000000018",
               "src_ref": "ipv4-addr--1d2c3b4a-0000-4000-8000-00000000000b", "protocols": ["tcp"]},
              {"type": "mutex", "spec_version": "2.1", "id": "mutex--1d2c3b4a-0000-4000-8000-000000000019", "name": "Global\\\\fuzz"},
              {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--1d2c3b4a-0000-4000-8000-00000000001a",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
               "first_observed": "2024-01-01T00:00:00Z", "last_observed": "2024-01-01T00:00:00Z", "number_observed": 3,
               "object_refs": ["ipv4-addr--1d2c3b4a-0000-4000-8000-00000000000b", "url--1d2c3b4a-0000-4000-8000-00000000000f"]},
              {"type": "observed-data", "id": "observed-data--1d2c3b4a-0000-4000-8000-00000000001b",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "number_observed": 1,
               "labels": ["stix-2.0"],
               "objects": {"0": {"type": "domain-name", "value": "old.fuzz.example", "resolves_to_refs": ["1"]},
                           "1": {"type": "ipv4-addr", "value": "198.51.100.77"}, "2": {"type": "mutex", "name": "m"}}},
              {"type": "relationship", "spec_version": "2.1", "id": "relationship--1d2c3b4a-0000-4000-8000-00000000001c",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "relationship_type": "indicates",
               "source_ref": "indicator--1d2c3b4a-0000-4000-8000-000000000003", "target_ref": "malware--1d2c3b4a-0000-4000-8000-000000000007"},
              {"type": "relationship", "spec_version": "2.1", "id": "relationship--1d2c3b4a-0000-4000-8000-00000000001d",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "relationship_type": "consists-of",
               "source_ref": "malware--1d2c3b4a-0000-4000-8000-000000000007", "target_ref": "file--1d2c3b4a-0000-4000-8000-000000000010"},
              {"type": "relationship", "spec_version": "2.1", "id": "relationship--1d2c3b4a-0000-4000-8000-00000000001e",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "relationship_type": "attributed-to",
               "source_ref": "malware--1d2c3b4a-0000-4000-8000-000000000007", "target_ref": "threat-actor--1d2c3b4a-0000-4000-8000-000000000008"},
              {"type": "relationship", "spec_version": "2.1", "id": "relationship--1d2c3b4a-0000-4000-8000-00000000001f",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "relationship_type": "based-on",
               "source_ref": "indicator--1d2c3b4a-0000-4000-8000-000000000004", "target_ref": "observed-data--1d2c3b4a-0000-4000-8000-00000000001a"},
              {"type": "sighting", "spec_version": "2.1", "id": "sighting--1d2c3b4a-0000-4000-8000-000000000020",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "count": 2,
               "sighting_of_ref": "indicator--1d2c3b4a-0000-4000-8000-000000000003",
               "observed_data_refs": ["observed-data--1d2c3b4a-0000-4000-8000-00000000001a", "observed-data--1d2c3b4a-0000-4000-8000-00000000001b"],
               "where_sighted_refs": ["identity--1d2c3b4a-0000-4000-8000-000000000002"]},
              {"type": "x-fuzz-custom", "spec_version": "2.1", "id": "x-fuzz-custom--1d2c3b4a-0000-4000-8000-000000000021", "x_value": 1},
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--1d2c3b4a-0000-4000-8000-000000000022",
               "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "revoked": true,
               "pattern": "[ipv4-addr:value = '203.0.113.99']", "pattern_type": "stix", "valid_from": "2024-01-01T00:00:00Z"}
            ]}""";

    static final String GENERATED_EVENT = """
            {"Event": {"uuid": "5e0a0000-0000-4000-8000-000000000001", "info": "fuzz event", "threat_level_id": "1",
              "Tag": [{"name": "tlp:green"}, {"name": "misp-galaxy:threat-actor=\\"Fuzz Bear\\""}],
              "Attribute": [
                {"uuid": "5e0a0000-0000-4000-8000-000000000002", "type": "ip-dst", "value": "203.0.113.50", "to_ids": true,
                 "timestamp": "1700000000", "Tag": [{"name": "c2"}]},
                {"uuid": "5e0a0000-0000-4000-8000-000000000003", "type": "domain", "value": "evil.fuzz.example", "to_ids": "1"},
                {"uuid": "5e0a0000-0000-4000-8000-000000000004", "type": "url", "value": "http://evil.fuzz.example/a?b=c"},
                {"uuid": "5e0a0000-0000-4000-8000-000000000005", "type": "md5", "value": "8764605c6f388c89096b534d33565802", "to_ids": 1},
                {"uuid": "5e0a0000-0000-4000-8000-000000000006", "type": "filename|sha256",
                 "value": "drop.exe|ec5aedf5ecc6bdadd4120932170d1b10f6cfa175cfda22951dfd882928ab279b"},
                {"uuid": "5e0a0000-0000-4000-8000-000000000007", "type": "domain|ip", "value": "evil.fuzz.example|203.0.113.51"},
                {"uuid": "5e0a0000-0000-4000-8000-000000000008", "type": "ip-dst|port", "value": "203.0.113.52|8443"},
                {"uuid": "5e0a0000-0000-4000-8000-000000000009", "type": "port", "value": "4444"},
                {"uuid": "5e0a0000-0000-4000-8000-00000000000a", "type": "AS", "value": "AS64500"},
                {"uuid": "5e0a0000-0000-4000-8000-00000000000b", "type": "email-src", "value": "phish@fuzz.example"},
                {"uuid": "5e0a0000-0000-4000-8000-00000000000c", "type": "vulnerability", "value": "CVE-2023-4863"},
                {"uuid": "5e0a0000-0000-4000-8000-00000000000d", "type": "regkey|value",
                 "value": "HKLM\\\\Software\\\\Run|fuzz.exe"},
                {"uuid": "5e0a0000-0000-4000-8000-00000000000e", "type": "text", "value": "free text"},
                {"uuid": "5e0a0000-0000-4000-8000-00000000000f", "type": "yara", "value": "rule a { condition: true }"},
                {"uuid": "5e0a0000-0000-4000-8000-000000000010", "type": "domain", "value": "gone.fuzz.example", "deleted": true},
                {"uuid": "5e0a0000-0000-4000-8000-000000000011", "type": "ssdeep", "value": "3:a:b"},
                {"uuid": "5e0a0000-0000-4000-8000-000000000012", "type": "ip-src", "value": "198.51.100.0/24"}
              ],
              "Object": [
                {"uuid": "5e0a0000-0000-4000-8000-000000000020", "name": "file", "timestamp": "1700000001",
                 "ObjectReference": [{"referenced_uuid": "5e0a0000-0000-4000-8000-000000000030", "relationship_type": "downloaded-from"}],
                 "Attribute": [
                   {"type": "filename", "object_relation": "filename", "value": "payload.dll"},
                   {"type": "sha256", "object_relation": "sha256", "value": "ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c", "to_ids": true},
                   {"type": "md5", "object_relation": "md5", "value": "d41d8cd98f00b204e9800998ecf8427e"},
                   {"type": "size-in-bytes", "object_relation": "size-in-bytes", "value": "1024"},
                   {"type": "text", "object_relation": "path", "value": "C:\\\\Windows\\\\Temp"}]},
                {"uuid": "5e0a0000-0000-4000-8000-000000000030", "name": "url", "Tag": [{"name": "phishing"}],
                 "Attribute": [
                   {"type": "url", "object_relation": "url", "value": "https://dl.fuzz.example/payload.dll", "to_ids": true},
                   {"type": "domain", "object_relation": "domain", "value": "dl.fuzz.example"}]},
                {"uuid": "5e0a0000-0000-4000-8000-000000000040", "name": "domain-ip",
                 "Attribute": [
                   {"type": "ip-dst", "object_relation": "ip", "value": "203.0.113.60"},
                   {"type": "domain", "object_relation": "domain", "value": "ns.fuzz.example"}]},
                {"uuid": "5e0a0000-0000-4000-8000-000000000050", "name": "network-connection",
                 "Attribute": [
                   {"type": "port", "object_relation": "dst-port", "value": "443"},
                   {"type": "ip-dst", "object_relation": "ip-dst", "value": "203.0.113.61"},
                   {"type": "text", "object_relation": "layer4-protocol", "value": "TCP"}]},
                {"uuid": "5e0a0000-0000-4000-8000-000000000060", "name": "email",
                 "Attribute": [
                   {"type": "email-src", "object_relation": "from", "value": "ceo@fuzz.example"},
                   {"type": "email-subject", "object_relation": "subject", "value": "Urgent"},
                   {"type": "email-message-id", "object_relation": "message-id", "value": "<2@fuzz.example>"}]},
                {"uuid": "5e0a0000-0000-4000-8000-000000000070", "name": "x509",
                 "Attribute": [
                   {"type": "x509-fingerprint-sha1", "object_relation": "x509-fingerprint-sha1", "value": "0123456789abcdef0123456789abcdef01234567"}]},
                {"uuid": "5e0a0000-0000-4000-8000-000000000080", "name": "registry-key", "deleted": false,
                 "Attribute": [{"type": "regkey", "object_relation": "key", "value": "HKLM\\\\Software\\\\Fuzz"}]}
              ],
              "Galaxy": [
                {"uuid": "5e0a0000-0000-4000-8000-000000000090", "type": "threat-actor", "name": "Threat Actor",
                 "GalaxyCluster": [{"uuid": "5e0a0000-0000-4000-8000-000000000091", "value": "Fuzz Bear", "version": "12"}]},
                {"type": "malpedia", "GalaxyCluster": [{"uuid": "5e0a0000-0000-4000-8000-000000000092", "value": "FuzzRAT"}]},
                {"type": "mitre-attack-pattern", "GalaxyCluster": [{"uuid": "5e0a0000-0000-4000-8000-000000000093", "value": "Phishing - T1566"}]}
              ]}}""";

    static final String REPORT = """
            Incident 2024-117: the actor sent mail from billing[@]fuzz-example[.]com and ceo@fuzz.example, linking to
            hxxps://login.fuzz-example[.]com/verify?id=42 and http://203.0.113.80:8080/gate.php. The dropper
            (MD5 8764605c6f388c89096b534d33565802, SHA-1 46aba99aa7158e4609aaa72b50990842fd22ae86,
            SHA-256 ec5aedf5ecc6bdadd4120932170d1b10f6cfa175cfda22951dfd882928ab279b) beaconed to 198.51.100[.]14
            and 2001:db8::7 over AS64500; it exploits CVE-2023-4863. Wallet bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq.
            C:\\Windows\\Temp\\drop.exe and HKLM\\Software\\Run were touched; contact abuse@example.org.
            """;

    private IntakeFuzzSeeds() {
    }

    static List<JsonNode> bundles() {
        List<JsonNode> bundles = new ArrayList<>();
        for (String name : STIX_SAMPLES) {
            bundles.add(read(resource("/samples/stix/" + name)));
        }
        bundles.add(read(GENERATED_BUNDLE));
        bundles.add(read(StixResource.EXAMPLE));
        return bundles;
    }

    /** The bundles as TAXII envelopes: their objects, with the envelope's own {@code more}. */
    static List<JsonNode> envelopes() {
        List<JsonNode> envelopes = new ArrayList<>();
        for (JsonNode bundle : bundles()) {
            ObjectNode envelope = JSON.createObjectNode();
            envelope.set("objects", bundle.get("objects").deepCopy());
            envelope.put("more", false);
            envelopes.add(envelope);
        }
        return envelopes;
    }

    /** MISP documents in each shape the door takes: a feed event, search answers, an array, a loose object. */
    static List<JsonNode> mispDocuments() {
        List<JsonNode> documents = new ArrayList<>();
        for (String name : MISP_SAMPLES) {
            documents.add(read(resource("/samples/misp/" + name)));
        }
        JsonNode event = read(GENERATED_EVENT);
        documents.add(event);
        documents.add(read(MispResource.EXAMPLE));
        ObjectNode search = JSON.createObjectNode();
        search.putArray("response").add(event.deepCopy()).addObject().set("Object",
                event.get("Event").get("Object").get(0).deepCopy());
        documents.add(search);
        ObjectNode attributes = JSON.createObjectNode();
        attributes.putObject("response").set("Attribute", event.get("Event").get("Attribute").deepCopy());
        documents.add(attributes);
        ArrayNode array = JSON.createArrayNode().add(event.deepCopy());
        documents.add(array);
        return documents;
    }

    /** {@code {"entities": [...]}} documents: every data type's sample, nested trees, invalid items. */
    static List<JsonNode> batches() {
        List<String> trees = new ArrayList<>(RequestPipelineFuzzTest.seeds());
        trees.addAll(BatchIngestTest.mixedItems("fuzz"));
        List<JsonNode> batches = new ArrayList<>();
        for (int start = 0; start < trees.size(); start += 6) {
            List<String> items = new ArrayList<>(trees.subList(start, Math.min(trees.size(), start + 6)));
            items.add(EntityIngestTest.THREE_LEVELS);
            batches.add(read(BatchIngestTest.document(items)));
        }
        return batches;
    }

    static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of(REPORT, ExtractResource.EXAMPLE));
        texts.add(resource("/samples/stix/indicators-for-C2-with-COA.json"));
        texts.add(resource("/samples/misp/events-collection-1.json"));
        return texts;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = IntakeFuzzSeeds.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(path, e);
        }
    }
}
