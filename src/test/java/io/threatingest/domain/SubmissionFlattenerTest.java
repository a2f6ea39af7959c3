package io.threatingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.threatingest.domain.value.RawValue;

class SubmissionFlattenerTest {

    private static final List<String> GROUPS = List.of("public");
    private static final Visibility ANY = Visibility.unrestricted(GROUPS);

    private static FlatSubmission flatten(EntitySubmission submission, Visibility visibility) {
        return SubmissionFlattener.flatten(submission, visibility, SubmissionLimits.GENEROUS);
    }

    private static EntitySubmission entity(String type, Map<String, RawValue> attributes,
            List<AssociationSubmission> associations) {
        return new EntitySubmission(type, attributes, associations, null, null, null, null);
    }

    private static Map<String, RawValue> attrs(Object... keyValues) {
        Map<String, RawValue> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            map.put((String) keyValues[i], value instanceof RawValue raw ? raw : RawValue.text((String) value));
        }
        return map;
    }

    @Test
    void flattensAThreeLevelTreeDepthFirstWithRelations() throws Exception {
        EntitySubmission tree = entity("domain", attrs("domain", "Evil.Example.COM"), List.of(
                new AssociationSubmission(null, entity("ip", attrs("ip", "8.8.8.8"), List.of(
                        new AssociationSubmission("aggregation",
                                entity("asn", attrs("asn", new RawValue.Number("15169")),
                                        null))))),
                new AssociationSubmission("", entity("md5", attrs("md5", "D41D8CD98F00B204E9800998ECF8427E"), null))));

        FlatSubmission flat = flatten(tree, ANY);

        String domain = EntityId.of("domain", "evil.example.com");
        String ip = EntityId.of("ip", "8.8.8.8");
        String asn = EntityId.of("asn", "15169");
        String md5 = EntityId.of("md5", "d41d8cd98f00b204e9800998ecf8427e");
        assertEquals(List.of(domain, ip, asn, md5), flat.distinctIds());
        assertEquals(List.of(
                new Relation(ip, asn, RelationMode.AGGREGATION),
                new Relation(domain, ip, RelationMode.ASSOCIATION),
                new Relation(domain, md5, RelationMode.ASSOCIATION)), flat.relations());
        assertEquals(15169L, flat.entities().get(2).value().value());
        assertEquals(GROUPS, flat.root().visibleBy());
    }

    @Test
    void correlatedAttributesBecomeEntitiesLinkedToTheirSource() throws Exception {
        EntitySubmission malware = new EntitySubmission("malware",
                attrs("malware", "Emotet", "malware-family", "Banking TROJAN"), null, -3,
                List.of("malware-family", "malware-family"), List.of("loader"), List.of("team"));

        FlatSubmission flat = flatten(malware, ANY);

        String sourceId = EntityId.of("malware", "emotet");
        String familyId = EntityId.of("malware-family", "banking trojan");
        assertEquals(List.of(sourceId, familyId), flat.distinctIds());
        assertEquals(List.of(new Relation(sourceId, familyId, RelationMode.ASSOCIATION)), flat.relations());
        assertEquals(List.of("team"), flat.entities().get(1).visibleBy());
        assertEquals(-3, flat.root().reputation());
    }

    @Test
    void duplicateEntitiesKeepOneIdEach() throws Exception {
        EntitySubmission tree = entity("ip", attrs("ip", "8.8.8.8"), List.of(
                new AssociationSubmission(null, entity("ip", attrs("ip", "::ffff:8.8.8.8"), null))));
        FlatSubmission flat = flatten(tree, ANY);
        assertEquals(2, flat.entities().size());
        assertEquals(1, flat.distinctIds().size());
    }

    private static SubmissionException reject(EntitySubmission submission) {
        return assertThrows(SubmissionException.class, () -> flatten(submission, ANY));
    }

    @Test
    void namesTheOffendingFieldByJsonPointer() {
        assertEquals("/type", reject(entity(null, attrs("ip", "8.8.8.8"), null)).pointer());
        assertEquals("/type", reject(entity("IP", attrs("ip", "8.8.8.8"), null)).pointer());
        assertEquals("/attributes/ip", reject(entity("ip", attrs("text", "x"), null)).pointer());
        assertEquals("/attributes/ip", reject(entity("ip", null, null)).pointer());
        assertEquals("/attributes/source", reject(entity("ip", attrs("ip", "8.8.8.8", "source", "x"), null)).pointer());
        SubmissionException invalid = reject(entity("ip", attrs("ip", "10.0.0.1"), null));
        assertEquals("/attributes/ip", invalid.pointer());
        assertEquals("IP", invalid.dataType());
        assertEquals("cannot accept private IP: 10.0.0.1", invalid.getMessage());

        EntitySubmission nested = entity("domain", attrs("domain", "example.com"), List.of(
                new AssociationSubmission(null, entity("ip", attrs("ip", "8.8.8.8"), null)),
                new AssociationSubmission(null, entity("ip", attrs("ip", "8.8.8.8"), List.of(
                        new AssociationSubmission("contains", entity("ip", attrs("ip", "1.1.1.1"), null)))))));
        assertEquals("/associations/1/associations/0/mode", reject(nested).pointer());

        assertEquals("/attributes/a~1b~0c", reject(entity("ip", attrs("ip", "8.8.8.8", "a/b~c", "x"), null)).pointer());
    }

    @Test
    void reputationOutsideTheScaleIsRejected() {
        for (int reputation : new int[]{ -4, 4, 100 }) {
            EntitySubmission submission = new EntitySubmission("ip", attrs("ip", "8.8.8.8"), null, reputation, null,
                    null, null);
            assertEquals("/reputation", reject(submission).pointer());
        }
    }

    @Test
    void correlateMustNameAnAttributeOfTheSameEntity() {
        EntitySubmission absent = new EntitySubmission("malware", attrs("malware", "emotet"), null, null,
                List.of("malware-type"), null, null);
        assertEquals("/correlate/0", reject(absent).pointer());
        EntitySubmission main = new EntitySubmission("malware", attrs("malware", "emotet"), null, null,
                List.of("malware"), null, null);
        assertEquals("/correlate/0", reject(main).pointer());
    }

    @Test
    void callersMayOnlyNameTheGroupsTheyAreAllowed() throws Exception {
        Visibility soc = new Visibility(List.of("soc"), java.util.Set.of("soc", "public"));
        EntitySubmission nested = entity("domain", attrs("domain", "example.com"), List.of(new AssociationSubmission(
                null,
                new EntitySubmission("ip", attrs("ip", "8.8.8.8"), null, null, null, null, List.of("soc", "red")))));
        SubmissionException refused = assertThrows(SubmissionException.class,
                () -> flatten(nested, soc));
        assertEquals(true, refused.forbidden());
        assertEquals("/associations/0/visibleBy/1", refused.pointer());

        EntitySubmission allowed = new EntitySubmission("ip", attrs("ip", "8.8.8.8"), null, null, null, null,
                List.of("public", "soc"));
        assertEquals(List.of("public", "soc"), flatten(allowed, soc).root().visibleBy());
        assertEquals(List.of("soc"), flatten(entity("ip", attrs("ip", "8.8.8.8"), null), soc)
                .root().visibleBy());
        assertEquals(List.of("soc", "red"), flatten(nested, Visibility.unrestricted(GROUPS))
                .entities().get(1).visibleBy());
    }

    @Test
    void limitsNameWhereTheyAreExceeded() {
        SubmissionLimits small = new SubmissionLimits(1, 3, 2, 1, 1, 1);
        EntitySubmission deep = entity("ip", attrs("ip", "8.8.8.8"), List.of(new AssociationSubmission(null,
                entity("ip", attrs("ip", "1.1.1.1"), List.of(new AssociationSubmission(null,
                        entity("ip", attrs("ip", "9.9.9.9"), null)))))));
        assertEquals("/associations/0/associations/0",
                assertThrows(SubmissionException.class, () -> SubmissionFlattener.flatten(deep, ANY, small)).pointer());
        EntitySubmission many = entity("ip", attrs("ip", "8.8.8.8"), List.of(
                new AssociationSubmission(null, entity("ip", attrs("ip", "1.1.1.1"), null)),
                new AssociationSubmission(null, entity("ip", attrs("ip", "2.2.2.2"), null)),
                new AssociationSubmission(null, entity("ip", attrs("ip", "3.3.3.3"), null))));
        assertEquals("/associations/2",
                assertThrows(SubmissionException.class, () -> SubmissionFlattener.flatten(many, ANY, small)).pointer());
        EntitySubmission attributes = entity("ip", attrs("ip", "8.8.8.8", "text", "a", "value", "b"), null);
        assertEquals("/attributes",
                assertThrows(SubmissionException.class, () -> SubmissionFlattener.flatten(attributes, ANY, small))
                        .pointer());
        EntitySubmission tags = new EntitySubmission("ip", attrs("ip", "8.8.8.8"), null, null, null, List.of("a", "b"),
                null);
        assertEquals("/tags",
                assertThrows(SubmissionException.class, () -> SubmissionFlattener.flatten(tags, ANY, small)).pointer());
        EntitySubmission groups = new EntitySubmission("ip", attrs("ip", "8.8.8.8"), null, null, null, null,
                List.of("a", "b"));
        assertEquals("/visibleBy",
                assertThrows(SubmissionException.class, () -> SubmissionFlattener.flatten(groups, ANY, small))
                        .pointer());
        EntitySubmission correlate = new EntitySubmission("malware", attrs("malware", "x", "malware-type", "y",
                "malware-family", "z"), null, null, List.of("malware-type", "malware-family"), null, null);
        SubmissionLimits roomyAttributes = new SubmissionLimits(1, 3, 5, 1, 1, 1);
        assertEquals("/correlate", assertThrows(SubmissionException.class,
                () -> SubmissionFlattener.flatten(correlate, ANY, roomyAttributes)).pointer());
    }

    @Test
    void nullAttributeValuesCountAsAbsent() throws Exception {
        Map<String, RawValue> attributes = attrs("ip", "8.8.8.8");
        attributes.put("text", null);
        FlatSubmission flat = flatten(entity("ip", attributes, null), ANY);
        assertEquals(List.of("ip"), List.copyOf(flat.root().attributes().keySet()));
    }
}
