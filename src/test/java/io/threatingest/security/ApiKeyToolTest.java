package io.threatingest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ApiKeyToolTest {

    @Test
    void printsTheSecretOnceAndAStoreLineHoldingOnlyItsHash() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ApiKeyTool.run(new String[]{ "--user", "alice", "--roles", "reporter,trusted", "--groups",
                "soc,public", "--expires", "2030-01-01T00:00:00Z", "--key-id", "alice-feed" },
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        String secret = lines.get(1).substring("api-secret: ".length());
        String storeLine = lines.get(lines.size() - 1);
        assertEquals("api-key:    alice-feed", lines.get(0));
        assertFalse(storeLine.contains(secret), "the store line must not contain the secret");

        JsonNode key = new ObjectMapper().readTree(storeLine);
        assertEquals("alice-feed", key.get("keyId").asText());
        assertEquals("alice", key.get("userId").asText());
        assertEquals("[\"soc\",\"public\"]", key.get("groups").toString());
        assertEquals("[\"reporter\",\"trusted\"]", key.get("roles").toString());
        assertEquals("2030-01-01T00:00:00Z", key.get("expiresAt").asText());
        assertTrue(Argon2id.verify(secret, key.get("secretHash").asText()));
    }

    @Test
    void refusesUnknownRolesAndMissingUser() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, ApiKeyTool.run(new String[]{ "--user", "bob", "--roles", "superuser" }, sink, sink));
        assertEquals(2, ApiKeyTool.run(new String[]{ "--roles", "reporter" }, sink, sink));
        assertEquals(2, ApiKeyTool.run(new String[]{ "--user", "bob", "--roles", "reporter", "--expires", "soon" },
                sink, sink));
    }
}
