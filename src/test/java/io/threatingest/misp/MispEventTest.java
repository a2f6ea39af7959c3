package io.threatingest.misp;

import static io.threatingest.misp.Expected.map;
import static io.threatingest.misp.Expected.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.threatingest.intake.Conversion;
import io.threatingest.intake.SourceObject;

/** Reputation, tags, deletion, objects, galaxies and references within one event. */
class MispEventTest {

    private static final List<String> NONE = List.of();

    @Test
    void toIdsGivesMaliciousReputationAndNothingElseGivesAny() {
        Conversion conversion = map("""
                {"Event": {"Attribute": [
                  {"type": "domain", "value": "a.example", "to_ids": true},
                  {"type": "domain", "value": "b.example", "to_ids": false},
                  {"type": "domain", "value": "c.example"},
                  {"type": "domain", "value": "d.example", "to_ids": "1"},
                  {"type": "domain", "value": "e.example", "to_ids": "0"}
                ]}}""");
        List<Integer> reputations = conversion.objects().stream().map(o -> o.trees().get(0).reputation()).toList();
        assertEquals(java.util.Arrays.asList(-1, null, null, -1, null), reputations);
    }

    @Test
    void eventAndAttributeTagsOnEveryEntityOnceInOrder() {
        Conversion conversion = map("""
                {"Event": {"Tag": [{"name": "tlp:white"}, {"name": "osint"}], "Attribute": [
                  {"uuid": "a", "type": "domain|ip", "value": "example.com|8.8.8.8",
                   "Tag": [{"name": "osint"}, {"name": "c2"}]},
                  {"uuid": "b", "type": "url", "value": "https://example.com/"}
                ]}}""");
        List<String> both = List.of("tlp:white", "osint", "c2");
        assertEquals(List.of(text("domain", "example.com", null, both, text("ip", "8.8.8.8", null, both))),
                conversion.objects().get(0).trees());
        assertEquals(List.of(text("url", "https://example.com/", null, List.of("tlp:white", "osint"))),
                conversion.objects().get(1).trees());
    }

    @Test
    void deletedAttributesAndMissingPartsAreListedNotMapped() {
        Conversion conversion = map("""
                {"Event": {"Attribute": [
                  {"uuid": "d", "timestamp": "1", "type": "domain", "value": "a.example", "deleted": true},
                  42,
                  {"uuid": "t", "value": "a.example"},
                  {"uuid": "v", "type": "domain"},
                  {"uuid": "n", "type": "domain", "value": 5},
                  {"uuid": "g", "type": "domain", "value": "a.example", "Tag": "tlp:white"},
                  {"type": "domain", "value": "a.example", "timestamp": 1603642920}
                ]}}""");
        List<SourceObject> objects = conversion.objects();
        assertEquals(7, objects.size());
        assertEquals(new SourceObject("d", "1", "domain", "/Event/Attribute/0", List.of(), "deleted in MISP"),
                objects.get(0));
        assertEquals(new SourceObject("(no uuid)", null, "(no type)", "/Event/Attribute/1", List.of(),
                "an attribute is a JSON object, not a JSON number"), objects.get(1));
        assertEquals("the attribute has no type", objects.get(2).notMapped());
        assertEquals("the attribute has no value", objects.get(3).notMapped());
        assertEquals("the attribute's value is a JSON number, not a string", objects.get(4).notMapped());
        assertEquals("at /Event/Attribute/5/Tag: Tag must be an array, not a JSON string", objects.get(5).notMapped());
        assertEquals("(no uuid)", objects.get(6).ref());
        assertEquals("1603642920", objects.get(6).version());
        assertNull(objects.get(6).notMapped());
    }

    @Test
    void domainIpObjectIsOneTreeRootedAtTheDomainAndEachAttributeIsListedToo() {
        Conversion conversion = map("""
                {"Event": {"Tag": [{"name": "tlp:green"}], "Object": [
                  {"uuid": "o", "timestamp": "7", "name": "domain-ip", "Attribute": [
                    {"uuid": "i", "type": "ip-dst", "object_relation": "ip", "value": "8.8.8.8", "to_ids": true},
                    {"uuid": "d", "type": "domain", "object_relation": "domain", "value": "example.com",
                     "Tag": [{"name": "c2"}]},
                    {"uuid": "x", "type": "text", "object_relation": "text", "value": "seen in a phish"}
                  ]}
                ]}}""");
        List<SourceObject> objects = conversion.objects();
        assertEquals(4, objects.size());
        List<String> all = List.of("tlp:green", "c2");
        assertEquals(SourceObject.mapped("o", "7", "object:domain-ip", "/Event/Object/0",
                List.of(text("domain", "example.com", null, all, text("ip", "8.8.8.8", -1, all)))), objects.get(0));
        assertEquals(List.of(text("ip", "8.8.8.8", -1, List.of("tlp:green"))), objects.get(1).trees());
        assertEquals("/Event/Object/0/Attribute/0", objects.get(1).pointer());
        assertEquals(List.of(text("domain", "example.com", null, all)), objects.get(2).trees());
        assertEquals("MISP type text: free text, not an indicator", objects.get(3).notMapped());
    }

    @Test
    void objectProtocolCompletesBarePorts() {
        Conversion conversion = map("""
                {"Event": {"Object": [
                  {"uuid": "o", "name": "network-connection", "Attribute": [
                    {"type": "port", "object_relation": "dst-port", "value": "443"},
                    {"type": "ip-dst", "object_relation": "ip-dst", "value": "8.8.8.8"},
                    {"type": "text", "object_relation": "layer4-protocol", "value": "TCP"}
                  ]}
                ]}}""");
        assertEquals(List.of(text("ip", "8.8.8.8", null, NONE, text("port", "443/tcp", null, NONE))),
                conversion.objects().get(0).trees());
        assertEquals(List.of(text("port", "443/tcp", null, NONE)), conversion.objects().get(1).trees());
    }

    @Test
    void genericObjectRootsAtItsFirstMappedAttribute() {
        Conversion conversion = map("""
                {"Event": {"Object": [
                  {"uuid": "o", "name": "person", "Attribute": [
                    {"type": "first-name", "object_relation": "first-name", "value": "Jane"},
                    {"type": "phone-number", "object_relation": "phone-number", "value": "+15551234567"},
                    {"type": "passport-number", "object_relation": "passport-number", "value": "X123"}
                  ]}
                ]}}""");
        assertEquals(List.of(text("phone", "+15551234567", null, NONE, text("passport", "X123", null, NONE))),
                conversion.objects().get(0).trees());
    }

    @Test
    void objectsWithNothingMappedDeletedOrMalformedAreListedWithTheReason() {
        Conversion conversion = map(
                """
                        {"Event": {"Object": [
                          {"uuid": "a", "name": "annotation", "Attribute": [{"type": "text", "value": "x"}]},
                          {"uuid": "b", "name": "domain-ip", "deleted": true, "Attribute": [{"type": "domain", "value": "e.com"}]},
                          {"uuid": "c", "name": "file", "Attribute": {"type": "md5"}},
                          {"uuid": "e", "name": "file"},
                          "x"
                        ]}}""");
        List<SourceObject> objects = conversion.objects();
        assertEquals(7, objects.size());
        assertEquals("none of its attributes maps to an entity type (each is listed with its reason)",
                objects.get(0).notMapped());
        assertEquals("object:annotation", objects.get(0).kind());
        assertEquals("MISP type text: free text, not an indicator", objects.get(1).notMapped());
        assertEquals("deleted in MISP", objects.get(2).notMapped());
        assertEquals("deleted in MISP (its object is)", objects.get(3).notMapped());
        assertEquals("its Attribute is a JSON object, not an array", objects.get(4).notMapped());
        assertEquals("the object has no attributes", objects.get(5).notMapped());
        assertEquals(new SourceObject("(no uuid)", null, "object", "/Event/Object/4", List.of(),
                "a MISP object is a JSON object, not a JSON string"), objects.get(6));
    }

    /** An object without a string name has no template: its first mapped attribute is the root. */
    @Test
    void objectWithoutATemplateNameRootsAtItsFirstMappedAttribute() {
        for (String name : List.of("", "\"name\": null,", "\"name\": 4,", "\"name\": {\"x\": 1},")) {
            Conversion conversion = map("""
                    {"Event": {"Object": [
                      {"uuid": "o", %s "Attribute": [
                        {"type": "text", "value": "x"},
                        {"type": "domain", "value": "a.example"},
                        {"type": "ip-dst", "value": "8.8.8.8"}
                      ]}
                    ]}}""".formatted(name));
            SourceObject object = conversion.objects().get(0);
            assertEquals(SourceObject.mapped("o", null, "object", "/Event/Object/0",
                    List.of(text("domain", "a.example", null, NONE, text("ip", "8.8.8.8", null, NONE)))), object,
                    name);
        }
    }

    @Test
    void galaxyWithoutATypeIsListedWithoutOne() {
        Conversion conversion = map("""
                {"Event": {"Galaxy": [
                  {"GalaxyCluster": [{"uuid": "c", "value": "Sofacy"}, 5]},
                  {"type": 3, "GalaxyCluster": {"uuid": "d"}}
                ]}}""");
        List<SourceObject> objects = conversion.objects();
        assertEquals(new SourceObject("c", null, "galaxy", "/Event/Galaxy/0/GalaxyCluster/0", List.of(),
                "neither the cluster nor its galaxy has a type"), objects.get(0));
        assertEquals(new SourceObject("(no uuid)", null, "galaxy", "/Event/Galaxy/0/GalaxyCluster/1", List.of(),
                "a galaxy cluster is a JSON object, not a JSON number"), objects.get(1));
        assertEquals(new SourceObject("(no uuid)", null, "galaxy", "/Event/Galaxy/1", List.of(),
                "its GalaxyCluster is not an array"), objects.get(2));
    }

    @Test
    void objectReferencesAssociateTheReferencedRoot() {
        Conversion conversion = map("""
                {"Event": {"Object": [
                  {"uuid": "f", "name": "file", "ObjectReference": [
                      {"referenced_uuid": "u", "relationship_type": "downloaded-from"},
                      {"referenced_uuid": "nowhere"}],
                   "Attribute": [{"type": "sha256", "object_relation": "sha256", "value": "ab"}]},
                  {"uuid": "u", "name": "url", "Attribute": [
                    {"type": "url", "object_relation": "url", "value": "https://x.example/a", "to_ids": true},
                    {"type": "domain", "object_relation": "domain", "value": "x.example"}]}
                ]}}""");
        assertEquals(List.of(text("sha256", "ab", null, NONE, text("url", "https://x.example/a", null, NONE))),
                conversion.objects().get(0).trees());
        assertEquals(List.of(text("url", "https://x.example/a", -1, NONE, text("domain", "x.example", null, NONE))),
                conversion.objects().get(2).trees());
    }

    @Test
    void threatActorAndMalwareClustersMapOthersAreListed() {
        Conversion conversion = map("""
                {"Event": {"Tag": [{"name": "tlp:white"}], "Galaxy": [
                  {"type": "threat-actor", "GalaxyCluster": [{"uuid": "a", "value": "Sofacy", "version": "3"}]},
                  {"type": "malpedia", "GalaxyCluster": [{"uuid": "m", "value": "Emotet"}, {"uuid": "n"}]},
                  {"type": "mitre-attack-pattern", "GalaxyCluster": [{"uuid": "p", "value": "Phishing - T1566"}]}
                ]}}""");
        List<SourceObject> objects = conversion.objects();
        assertEquals(4, objects.size());
        assertEquals(SourceObject.mapped("a", "3", "galaxy:threat-actor", "/Event/Galaxy/0/GalaxyCluster/0",
                List.of(text("adversary", "Sofacy", null, List.of("tlp:white")))), objects.get(0));
        assertEquals(List.of(text("malware", "Emotet", null, List.of("tlp:white"))), objects.get(1).trees());
        assertEquals("the cluster has no value", objects.get(2).notMapped());
        assertEquals("clusters of the galaxy mitre-attack-pattern have no entity type", objects.get(3).notMapped());
    }

    @Test
    void documentOrderFollowsTheEventsMembers() {
        Conversion conversion = map("""
                {"Event": {"Object": [{"uuid": "o", "name": "url",
                    "Attribute": [{"uuid": "oa", "type": "url", "value": "https://a.example/"}]}],
                  "Attribute": [{"uuid": "a", "type": "domain", "value": "a.example"}]}}""");
        assertEquals(List.of("o", "oa", "a"), conversion.objects().stream().map(SourceObject::ref).toList());
    }
}
