package io.threatingest.misp;

import static io.threatingest.misp.Expected.file;
import static io.threatingest.misp.Expected.number;
import static io.threatingest.misp.Expected.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.threatingest.domain.EntitySubmission;
import io.threatingest.intake.Conversion;
import io.threatingest.intake.SourceObject;

/** The public MISP samples in {@code samples/misp/}, through the mapper, entry by entry. */
class MispSamplesTest {

    private static final String T = "1603642920";
    private static final String MD5 = "8764605c6f388c89096b534d33565802";
    private static final String SHA1 = "46aba99aa7158e4609aaa72b50990842fd22ae86";
    private static final String SHA256 = "ec5aedf5ecc6bdadd4120932170d1b10f6cfa175cfda22951dfd882928ab279b";
    private static final String PATH = "/var/www/MISP/app/files/scripts/tmp";

    @Test
    void eventsCollection() throws IOException {
        Conversion conversion = sample("events-collection-1.json");

        assertEquals(2, conversion.objects().size());
        assertMapped(conversion.objects().get(0), "2972c3a2-dda3-4de7-aca1-e96cf7ce5544", "AS",
                "/response/0/Event/Attribute/0", number("asn", "174", null, List.of()));
        assertMapped(conversion.objects().get(1), "4bb235a7-7d25-4aef-802f-2c6b45c5eceb", "domain",
                "/response/1/Event/Attribute/0", text("domain", "circl.lu", -1, List.of()));
    }

    @Test
    void objectsCollection() throws IOException {
        Conversion conversion = sample("objects-collection-1.json");
        List<SourceObject> objects = conversion.objects();

        assertEquals(12, objects.size(), "2 objects and their 4 + 6 attributes");
        assertMapped(objects.get(0), "5e396622-2a54-4c8d-b61d-159da964451a", "object:email", "/response/0/Object",
                text("email", "<1234567890@foo.bar>", null, List.of(),
                        text("email-address", "donald.duck@disney.com", -1, List.of()),
                        text("email-address", "jdoe@random.org", null, List.of()),
                        text("email-subject", "Email test subject", null, List.of())));
        assertMapped(objects.get(1), "f5ec3603-e3d0-42d7-a372-14c1c137699b", "email-src",
                "/response/0/Object/Attribute/0", text("email-address", "donald.duck@disney.com", -1, List.of()));
        assertMapped(objects.get(2), "aebfd1b3-24bc-4da5-8e74-32cb669b8e46", "email-dst",
                "/response/0/Object/Attribute/1", text("email-address", "jdoe@random.org", null, List.of()));
        assertMapped(objects.get(3), "90bd7dae-b78c-4025-9073-568950c780fb", "email-subject",
                "/response/0/Object/Attribute/2", text("email-subject", "Email test subject", null, List.of()));
        assertMapped(objects.get(4), "2e55fd78-1c58-4472-bb5b-7583e7cffc97", "email-message-id",
                "/response/0/Object/Attribute/3", text("email", "<1234567890@foo.bar>", null, List.of()));

        // The file rule: identified by its MD5, every hash also an entity (strongest first), the name beside it,
        // then the object's other attributes; to_ids of the hashes rates the file and hashes, never the name.
        assertMapped(objects.get(5), "5e384ae7-672c-4250-9cda-3b4da964451a", "object:file", "/response/1/Object",
                file(MD5, Map.of("md5", MD5, "sha1", SHA1, "sha256", SHA256), -1, List.of(),
                        text("sha256", SHA256, -1, List.of()),
                        text("sha1", SHA1, -1, List.of()),
                        text("md5", MD5, -1, List.of()),
                        text("filename", "oui", null, List.of()),
                        number("size-in-bytes", "35", null, List.of()),
                        text("path", PATH, null, List.of())));
        assertMapped(objects.get(6), "a0921e21-c7ae-4c7f-b84b-b84a7ce53d1f", "filename",
                "/response/1/Object/Attribute/0", text("filename", "oui", null, List.of()));
        assertMapped(objects.get(7), "b1ae0a21-c7ae-4c7f-b84b-b84a7ce53d1f", "md5",
                "/response/1/Object/Attribute/1",
                file(MD5, Map.of("md5", MD5), -1, List.of(), text("md5", MD5, -1, List.of())));
        assertMapped(objects.get(8), "c2ae0a21-c7ae-4c7f-b84b-b84a7ce53d1f", "sha1",
                "/response/1/Object/Attribute/2", text("sha1", SHA1, -1, List.of()));
        assertMapped(objects.get(9), "d3ae0a21-c7ae-4c7f-b84b-b84a7ce53d1f", "sha256",
                "/response/1/Object/Attribute/3", text("sha256", SHA256, -1, List.of()));
        assertMapped(objects.get(10), "e4ae0a21-c7ae-4c7f-b84b-b84a7ce53d1f", "size-in-bytes",
                "/response/1/Object/Attribute/4", number("size-in-bytes", "35", null, List.of()));
        assertMapped(objects.get(11), "34cb1a7c-55ec-412a-8684-ba4a88d83a45", "text",
                "/response/1/Object/Attribute/5", text("path", PATH, null, List.of()));
    }

    private static void assertMapped(SourceObject object, String ref, String kind, String pointer,
            EntitySubmission tree) {
        assertEquals(ref, object.ref());
        assertEquals(T, object.version());
        assertEquals(kind, object.kind());
        assertEquals(pointer, object.pointer());
        assertNull(object.notMapped());
        assertEquals(List.of(tree), object.trees());
    }

    private static Conversion sample(String name) throws IOException {
        try (InputStream in = MispSamplesTest.class.getResourceAsStream("/samples/misp/" + name)) {
            return new MispMapper().map(Expected.JSON.readTree(in));
        }
    }
}
