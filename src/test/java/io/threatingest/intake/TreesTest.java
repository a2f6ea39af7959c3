package io.threatingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.threatingest.domain.AssociationSubmission;
import io.threatingest.domain.EntitySubmission;
import io.threatingest.domain.value.RawValue;

class TreesTest {

    private static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";
    private static final String SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    private static final String SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String SHA3 = "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";
    private static final List<String> TAGS = List.of("t");

    @Test
    void md5IsTheRootWhenPresent() {
        EntitySubmission file = Trees.file(hashes("sha256", SHA256, "md5", MD5, "sha1", SHA1, "sha3-256", SHA3),
                "a.exe", -2, TAGS, List.of());
        assertEquals("file", file.type());
        assertEquals(Map.of("file", text(MD5), "md5", text(MD5), "sha1", text(SHA1), "sha256", text(SHA256),
                "sha3-256", text(SHA3)), file.attributes());
        assertEquals(List.of("md5", "sha1", "sha256", "sha3-256"),
                List.copyOf(file.attributes().keySet()).subList(1, 5));
        assertEquals(-2, file.reputation());
        assertEquals(TAGS, file.tags());
        assertEquals(List.of("sha256=" + SHA256 + "@-2", "sha1=" + SHA1 + "@-2", "md5=" + MD5 + "@-2",
                "sha3-256=" + SHA3 + "@-2", "filename=a.exe@null"), children(file));
    }

    @Test
    void sha3IsTheRootWithoutMd5() {
        EntitySubmission file = Trees.file(hashes("sha3-256", SHA3, "sha1", SHA1), null, -1, TAGS, List.of());
        assertEquals("file", file.type());
        assertEquals(Map.of("file", text(SHA3), "sha1", text(SHA1), "sha3-256", text(SHA3)), file.attributes());
        assertEquals(List.of("sha1=" + SHA1 + "@-1", "sha3-256=" + SHA3 + "@-1"), children(file));
    }

    @Test
    void strongestHashIsTheRootWithoutMd5OrSha3() {
        EntitySubmission extra = Trees.entity("mime-type", "application/pdf", null, TAGS, List.of());
        EntitySubmission root = Trees.file(hashes("sha1", SHA1, "sha256", SHA256), "b.pdf", -3, TAGS,
                List.of(Trees.association(extra)));
        assertEquals("sha256", root.type());
        assertEquals(Map.of("sha256", text(SHA256)), root.attributes());
        assertEquals(-3, root.reputation());
        assertEquals(List.of("sha1=" + SHA1 + "@-3", "filename=b.pdf@null", "mime-type=application/pdf@null"),
                children(root));
    }

    @Test
    void sha256AloneHasNoChildren() {
        EntitySubmission root = Trees.file(hashes("sha256", SHA256), null, -1, List.of(), List.of());
        assertEquals("sha256", root.type());
        assertNull(root.associations());
        assertNull(root.tags());
    }

    @Test
    void nameAloneIsAFilenameWithoutReputation() {
        EntitySubmission name = Trees.file(Map.of(), "c.txt", -3, TAGS, List.of());
        assertEquals("filename", name.type());
        assertEquals(Map.of("filename", text("c.txt")), name.attributes());
        assertNull(name.reputation());
        assertEquals(TAGS, name.tags());
    }

    @Test
    void unknownHashNamesAreIgnored() {
        assertEquals("filename", Trees.file(hashes("ssdeep", "3:a:b"), "d", -1, TAGS, List.of()).type());
    }

    @Test
    void nothingIsNoTree() {
        assertNull(Trees.file(Map.of(), null, -1, TAGS, List.of()));
        assertNull(Trees.file(hashes("tlsh", "T1"), null, -1, TAGS, List.of()));
    }

    @Test
    void reputationNeverReachesTheFilename() {
        EntitySubmission file = Trees.file(hashes("md5", MD5), "e.exe", -3, TAGS, List.of());
        EntitySubmission name = file.associations().get(1).entity();
        assertEquals("filename", name.type());
        assertNull(name.reputation());
        assertEquals(TAGS, name.tags());
    }

    private static Map<String, String> hashes(String... pairs) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            hashes.put(pairs[i], pairs[i + 1]);
        }
        return hashes;
    }

    private static RawValue text(String value) {
        return RawValue.text(value);
    }

    private static List<String> children(EntitySubmission entity) {
        return entity.associations().stream().map(AssociationSubmission::entity)
                .map(child -> child.type() + "=" + ((RawValue.Text) child.attributes().get(child.type())).value()
                        + "@" + child.reputation())
                .toList();
    }
}
