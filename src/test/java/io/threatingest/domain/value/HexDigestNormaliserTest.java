package io.threatingest.domain.value;

import static io.threatingest.domain.value.NormaliserAssertions.accepts;
import static io.threatingest.domain.value.NormaliserAssertions.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HexDigestNormaliserTest {

    @Test
    void md5AcceptsThirtyTwoOrSixteenDigitsLowercased() throws Exception {
        accepts(HexDigestNormaliser.MD5, "D41D8CD98F00B204E9800998ECF8427E", "d41d8cd98f00b204e9800998ecf8427e");
        accepts(HexDigestNormaliser.MD5, "0123456789ABCDEF", "0123456789abcdef");
        rejects(HexDigestNormaliser.MD5, "d41d8cd98f00b204e9800998ecf8427");
        rejects(HexDigestNormaliser.MD5, "0123456789abcdef0");
        assertEquals("value 'g41d8cd98f00b204e9800998ecf8427e' does not match with regexp "
                + "'^[0-9a-f]{32}$|^[0-9a-f]{16}$'",
                rejects(HexDigestNormaliser.MD5, "g41d8cd98f00b204e9800998ecf8427e"));
    }

    @Test
    void eachFamilyHasItsExactLength() throws Exception {
        accepts(HexDigestNormaliser.SHA1, "a".repeat(40), "a".repeat(40));
        rejects(HexDigestNormaliser.SHA1, "a".repeat(32));
        accepts(HexDigestNormaliser.BITS_224, "B".repeat(56), "b".repeat(56));
        accepts(HexDigestNormaliser.BITS_256, "0".repeat(64), "0".repeat(64));
        rejects(HexDigestNormaliser.BITS_256, "0".repeat(63));
        accepts(HexDigestNormaliser.BITS_384, "c".repeat(96), "c".repeat(96));
        accepts(HexDigestNormaliser.BITS_512, "d".repeat(128), "d".repeat(128));
        rejects(HexDigestNormaliser.BITS_512, "d".repeat(127) + " ");
    }

    @Test
    void rejectsSeparatorsPrefixesAndSpaces() {
        rejects(HexDigestNormaliser.SHA1, "0x" + "a".repeat(38));
        rejects(HexDigestNormaliser.MD5, "d4:1d:8c:d9:8f:00:b2:04");
        rejects(HexDigestNormaliser.MD5, " d41d8cd98f00b204e9800998ecf8427e");
    }
}
