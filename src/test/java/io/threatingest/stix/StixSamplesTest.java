package io.threatingest.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.threatingest.intake.Conversion;
import io.threatingest.intake.SourceObject;

/** The shared STIX samples, object by object: every object appears, mapped exactly or with its reason. */
class StixSamplesTest {

    private static final String ID = "identity--f690c992-8e7d-4b9a-9303-3312616c0220";
    private static final String IDENTITY = "an identity names a producer or target of intelligence, not an "
            + "observable; the catalogue has no type for it";
    private static final String CONTAINER = "a container: its referenced objects are mapped on their own";
    private static final String OBSERVED = "its object_refs point at cyber observables that are mapped on their own";
    private static final String POISON_IVY = "malware='Poison Ivy' {malware-type='remote-access-trojan'}";
    private static final String SHA256 = "sha256='ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c'";

    @Test
    void indicatorForC2IpAddress() throws IOException {
        assertEquals(List.of(
                "/objects/0 indicator indicator--33fe3b22-0201-47cf-85d0-97c02164528d 2014-05-08T09:00:00.000Z "
                        + "-> [ip='10.0.0.0' rep=-1]"),
                lines("indicator-for-c2-ip-address.json"));
    }

    @Test
    void indicatorsForC2WithCourseOfAction() throws IOException {
        assertEquals(List.of(
                "/objects/0 identity " + ID + " 2016-08-08T15:50:10.983Z -> NOT " + IDENTITY,
                "/objects/1 malware malware--fdd60b30-b67c-41e3-b0b9-f01faf20d111 2017-01-27T13:49:53.997Z -> ["
                        + POISON_IVY + "]",
                "/objects/2 indicator indicator--53fe3b22-0201-47cf-85d0-97c02164528d 2014-05-08T09:00:00.000Z "
                        + "-> [ip='10.0.0.0' rep=-1]",
                "/objects/3 indicator indicator--a932fcc6-e032-476c-826f-cb970a5a1ade 2017-01-27T13:49:53.997Z "
                        + "-> [" + SHA256 + " rep=-1]",
                "/objects/4 course-of-action course-of-action--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f "
                        + "2016-04-06T20:03:48.000Z -> NOT a course of action is a recommended response, not an "
                        + "observable",
                "/objects/5 relationship relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad 2016-04-06T20:06:37.000Z "
                        + "-> NOT source course-of-action--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f maps to no entity",
                "/objects/6 relationship relationship--2f9a9aa9-108a-4333-83e2-4fb25add0463 2017-01-27T13:49:53.997Z "
                        + "-> [" + SHA256 + " rep=-1 (association " + POISON_IVY + ")]",
                "/objects/7 relationship relationship--9606dac3-965a-47d3-b270-8b17431ba0e4 2014-05-08T09:00:00.000Z "
                        + "-> [ip='10.0.0.0' rep=-1 (association " + POISON_IVY + ")]"),
                lines("indicators-for-C2-with-COA.json"));
    }

    @Test
    void maliciousEmailIndicatorWithAttachment() throws IOException {
        assertEquals(List.of(
                "/objects/0 identity " + ID + " 2016-08-08T15:50:10.983Z -> NOT " + IDENTITY,
                "/objects/1 attack-pattern attack-pattern--d7b066aa-4091-4276-a142-29d5d81c3484 "
                        + "2014-10-31T15:52:13.126Z -> NOT an attack pattern describes a technique; the catalogue "
                        + "has no type for it",
                "/objects/2 indicator indicator--8cf9236f-1b96-493d-98be-0c1c1e8b62d7 2014-10-31T15:52:13.127Z "
                        + "-> NOT pattern: operator MATCHES is not mapped",
                "/objects/3 indicator indicator--2e17f6fe-3a4d-438a-911a-e509ba1b9933 2014-10-31T15:52:13.127Z "
                        + "-> NOT pattern: operator MATCHES is not mapped",
                "/objects/4 relationship relationship--c3fa00e6-1d31-4137-98f5-32a1ec0d0e92 2014-10-31T15:52:13.127Z "
                        + "-> NOT source indicator--8cf9236f-1b96-493d-98be-0c1c1e8b62d7 maps to no entity",
                "/objects/5 relationship relationship--8e231463-6b3e-4be6-9c44-56999d8c1d80 2014-10-31T15:52:13.127Z "
                        + "-> NOT source indicator--2e17f6fe-3a4d-438a-911a-e509ba1b9933 maps to no entity"),
                lines("malicious-email-indicator-with-attachment.json"));
    }

    @Test
    void mispEventsCollection() throws IOException {
        String at = " 2020-10-25T16:22:00.000Z -> ";
        String domainTags = "tags=[misp:type=\"domain\", misp:category=\"Network activity\"]";
        String domainIpTags = "tags=[misp:type=\"domain|ip\", misp:category=\"Network activity\"]";
        String fileTags = "tags=[misp:type=\"filename\", misp:category=\"Payload delivery\"]";
        assertEquals(List.of(
                "/objects/0 identity identity--a0c22599-9e58-4da4-96ac-7051603fa951" + at + "NOT " + IDENTITY,
                "/objects/1 grouping grouping--e2e6a6ea-f69b-4d93-8564-f51d67cafe51" + at + "NOT " + CONTAINER,
                "/objects/2 observed-data observed-data--2972c3a2-dda3-4de7-aca1-e96cf7ce5544" + at + "NOT "
                        + OBSERVED,
                "/objects/3 autonomous-system autonomous-system--2972c3a2-dda3-4de7-aca1-e96cf7ce5544 null -> "
                        + "[asn=174]",
                "/objects/4 grouping grouping--d402185f-c129-4f65-8678-43edb2cee1cf" + at + "NOT " + CONTAINER,
                "/objects/5 observed-data observed-data--4bb235a7-7d25-4aef-802f-2c6b45c5eceb" + at + "NOT "
                        + OBSERVED,
                "/objects/6 domain-name domain-name--4bb235a7-7d25-4aef-802f-2c6b45c5eceb null -> "
                        + "[domain='circl.lu']",
                "/objects/7 indicator indicator--4bb235a7-7d25-4aef-802f-2c6b45c5eceb" + at
                        + "[domain='circl.lu' rep=-1 " + domainTags + "]",
                "/objects/8 relationship relationship--2a8a80e3-da64-41d8-be31-2077fbc22804" + at
                        + "NOT both ends map to the same entities",
                "/objects/9 grouping grouping--50bf87fc-d134-499f-9e26-806cbe89ed37" + at + "NOT " + CONTAINER,
                "/objects/10 observed-data observed-data--726f90e2-2ad6-44a2-b345-c05e55e850e5" + at + "NOT "
                        + OBSERVED,
                "/objects/11 domain-name domain-name--726f90e2-2ad6-44a2-b345-c05e55e850e5 null -> "
                        + "[domain='circl.lu' (association ip='149.13.33.14')]",
                "/objects/12 ipv4-addr ipv4-addr--726f90e2-2ad6-44a2-b345-c05e55e850e5 null -> [ip='149.13.33.14']",
                "/objects/13 indicator indicator--726f90e2-2ad6-44a2-b345-c05e55e850e5" + at
                        + "[domain='circl.lu' rep=-1 " + domainIpTags + " (association ip='149.13.33.14' rep=-1 "
                        + domainIpTags + ")]",
                "/objects/14 relationship relationship--b7ceed29-39a8-4aaa-b3f9-688ca5bf3949" + at
                        + "[domain='circl.lu' rep=-1 " + domainIpTags + " (association ip='149.13.33.14')]",
                "/objects/15 grouping grouping--71356f2b-eefe-48db-a93a-4aa2233e3a59" + at + "NOT " + CONTAINER,
                "/objects/16 observed-data observed-data--02de0847-dccf-481a-a96a-6a7654328658" + at + "NOT "
                        + OBSERVED,
                "/objects/17 file file--02de0847-dccf-481a-a96a-6a7654328658 null -> [filename='test_file_name']",
                "/objects/18 indicator indicator--02de0847-dccf-481a-a96a-6a7654328658" + at
                        + "[filename='test_file_name' " + fileTags + "]",
                "/objects/19 relationship relationship--9d0fa6f4-08ae-4fe6-959e-3366532b8a1a" + at
                        + "NOT both ends map to the same entities"),
                lines("misp-events-collection.stix21.json"));
    }

    /** One line per object: pointer, kind, ref, version, then the trees or the reason. */
    private static List<String> lines(String sample) throws IOException {
        Conversion conversion;
        try (InputStream in = StixSamplesTest.class.getResourceAsStream("/samples/stix/" + sample)) {
            conversion = new StixMapper().bundle(new ObjectMapper().readTree(in));
        }
        List<String> lines = new ArrayList<>();
        for (SourceObject object : conversion.objects()) {
            lines.add(object.pointer() + " " + object.kind() + " " + object.ref() + " " + object.version() + " -> "
                    + (object.mapped() ? TreeText.of(object) : "NOT " + object.notMapped()));
        }
        return lines;
    }
}
