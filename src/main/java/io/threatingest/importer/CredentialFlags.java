package io.threatingest.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The credentials from {@code --token}, {@code --token-file}, {@code --api-key}, {@code --api-secret} and
 * {@code --api-secret-file}, with the environment filling in what the flags leave out.
 */
final class CredentialFlags {

    private CredentialFlags() {
    }

    static ImportOptions.Credentials resolve(GivenFlags given, Map<String, String> env)
            throws ImportOptions.UsageException {
        String token = given.token == null && given.tokenFile != null
                ? readSecret("--token-file", given.tokenFile)
                : given.token;
        String apiKey = given.apiKey;
        String apiSecret = given.apiSecret == null && given.apiSecretFile != null
                ? readSecret("--api-secret-file", given.apiSecretFile)
                : given.apiSecret;
        boolean pairGiven = apiKey != null || apiSecret != null;
        if (token != null && pairGiven) {
            throw new ImportOptions.UsageException("give either a token or an API key pair, not both");
        }
        if (token == null && !pairGiven) {
            token = blankToNull(env.get("THREAT_INGEST_TOKEN"));
        }
        if (token == null) {
            apiKey = apiKey != null ? apiKey : blankToNull(env.get("THREAT_INGEST_API_KEY"));
            apiSecret = apiSecret != null ? apiSecret : blankToNull(env.get("THREAT_INGEST_API_SECRET"));
            requirePair(apiKey, apiSecret);
        }
        return new ImportOptions.Credentials(token, apiKey, apiSecret);
    }

    private static void requirePair(String apiKey, String apiSecret) throws ImportOptions.UsageException {
        if (apiKey == null && apiSecret == null) {
            throw new ImportOptions.UsageException("credentials are required: --token (or --token-file, "
                    + "THREAT_INGEST_TOKEN) or --api-key with --api-secret (or --api-secret-file, "
                    + "THREAT_INGEST_API_KEY and THREAT_INGEST_API_SECRET)");
        }
        if (apiKey == null || apiSecret == null) {
            throw new ImportOptions.UsageException("an API key needs both --api-key and --api-secret");
        }
    }

    private static String readSecret(String name, String file) throws ImportOptions.UsageException {
        try {
            String value = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new ImportOptions.UsageException(name + ": the file is empty");
            }
            return value;
        } catch (IOException e) {
            throw new ImportOptions.UsageException(name + ": cannot read " + file);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
