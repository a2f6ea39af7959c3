package io.threatingest.security;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code create-api-key}: makes a key pair for a user, prints the secret once and the line to add to the key
 * store file. Only the Argon2id hash of the secret goes into that line.
 *
 * <pre>java -jar target/quarkus-app/quarkus-run.jar create-api-key --user alice --roles reporter \
 *     --groups soc,public [--expires 2027-01-01T00:00:00Z] [--key-id alice-feed]</pre>
 */
public final class ApiKeyTool {

    static final String USAGE = "usage: create-api-key --user <id> --roles <r1,r2> [--groups <g1,g2>]"
            + " [--expires <RFC 3339 instant>] [--key-id <id>]   (roles: admin, user, reporter, trusted)";

    private ApiKeyTool() {
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println(USAGE);
                return 2;
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        String user = options.get("user");
        List<String> roles = list(options.get("roles"));
        if (user == null || user.isBlank() || roles.isEmpty() || !Roles.ALL.containsAll(roles)
                || !List.of("user", "roles", "groups", "expires", "key-id").containsAll(options.keySet())) {
            err.println(USAGE);
            return 2;
        }
        Instant expires = null;
        if (options.containsKey("expires")) {
            try {
                expires = Instant.parse(options.get("expires"));
            } catch (DateTimeParseException e) {
                err.println("--expires must be an RFC 3339 instant such as 2027-01-01T00:00:00Z");
                return 2;
            }
        }
        SecureRandom random = new SecureRandom();
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        byte[] id = new byte[6];
        random.nextBytes(id);
        String keyId = options.getOrDefault("key-id", "k-" + HexFormat.of().formatHex(id));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        out.println("api-key:    " + keyId);
        out.println("api-secret: " + secret);
        out.println("(the secret is shown only now; the store keeps its hash)");
        out.println();
        out.println("Add this line to the key store file (ingest.auth.api-keys-file):");
        out.println(storeLine(keyId, Argon2id.hash(secret), user, list(options.get("groups")), roles, expires));
        return 0;
    }

    static String storeLine(String keyId, String secretHash, String user, List<String> groups, List<String> roles,
            Instant expires) {
        StringBuilder line = new StringBuilder("{\"keyId\":").append(quote(keyId))
                .append(",\"secretHash\":").append(quote(secretHash))
                .append(",\"userId\":").append(quote(user))
                .append(",\"groups\":").append(array(groups))
                .append(",\"roles\":").append(array(roles));
        if (expires != null) {
            line.append(",\"expiresAt\":").append(quote(expires.toString()));
        }
        return line.append(",\"disabled\":false}").toString();
    }

    private static List<String> list(String csv) {
        List<String> values = new ArrayList<>();
        if (csv != null) {
            for (String value : csv.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }

    private static String array(List<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add(quote(v)));
        return "[" + String.join(",", quoted) + "]";
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
