package io.threatingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityIdTest {

    @Test
    void referenceExampleForIp() {
        assertEquals("ip-ba7fa36bff8d58ee45b973615e83d9aaeb921f1cc477d9c156e8a9cae8cca16e",
                EntityId.of("ip", "8.8.8.8"));
    }

    @Test
    void emptyInputIsTheFips202EmptyDigest() {
        assertEquals("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", EntityId.sha3Hex(""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "8.8.8.8", "example.com", "ΑΣ", "\uD83D\uDE00 emoji", "a long value with several words" })
    void agreesWithTheJdkSha3OnUtf8Bytes(String text) throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA3-256").digest(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(expected), EntityId.sha3Hex(text));
    }

    @Test
    void sameValueUnderTwoTypesSharesTheHashButNotThePrefix() {
        String uuid = "2c3b0e4a-3b0a-4d5e-8f00-0123456789ab";
        assertEquals(EntityId.of("file", uuid).substring("file-".length()),
                EntityId.of("breach", uuid).substring("breach-".length()));
    }
}
