package io.threatingest.security;

import java.util.List;

import io.threatingest.support.TestCredentials;

/** Writes key store files for tests, through the same line format the create-api-key command prints. */
public final class ApiKeyStoreFiles {

    private ApiKeyStoreFiles() {
    }

    public static String content(List<TestCredentials.Key> keys) {
        StringBuilder file = new StringBuilder("# test key store\n");
        for (TestCredentials.Key key : keys) {
            file.append(line(key)).append('\n');
        }
        return file.toString();
    }

    public static String line(TestCredentials.Key key) {
        String line = ApiKeyTool.storeLine(key.keyId(), Argon2id.hash(key.secret()), key.userId(), key.groups(),
                key.roles(), key.expiresAt());
        return key.disabled() ? line.replace("\"disabled\":false", "\"disabled\":true") : line;
    }
}
