package io.threatingest.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Generated lists in the MISP warninglist format, shaped like the public ones: host names, exact strings (MD5
 * digests) and CIDR ranges (IPv4 and IPv6) spread over 136 lists. The same seed gives the same lists.
 */
final class ScreeningLists {

    static final int LISTS = 136;

    private ScreeningLists() {
    }

    /** Writes {@code entries} entries over {@link #LISTS} files in {@code directory}. */
    static void generate(Path directory, int entries) throws IOException {
        Files.createDirectories(directory);
        SplittableRandom random = new SplittableRandom(28);
        int perList = Math.max(1, entries / LISTS);
        for (int list = 0; list < LISTS; list++) {
            String type = list % 10 < 6 ? "hostname" : list % 10 < 8 ? "string" : "cidr";
            String matching = switch (type) {
                case "hostname" -> "[\"domain\", \"hostname\", \"url\"]";
                case "string" -> "[\"md5\", \"domain\"]";
                default -> "[\"ip-src\", \"ip-dst\"]";
            };
            try (BufferedWriter out = Files.newBufferedWriter(directory.resolve("generated-" + list + ".json"),
                    StandardCharsets.UTF_8)) {
                out.write("{\"name\": \"generated " + list + "\", \"version\": 1, \"description\": \"bench\", "
                        + "\"type\": \"" + type + "\", \"matching_attributes\": " + matching + ", \"list\": [\n");
                for (int i = 0; i < perList; i++) {
                    out.write(i == 0 ? "\"" : ",\n\"");
                    out.write(entry(type, list, i, random));
                    out.write('"');
                }
                out.write("\n]}\n");
            }
        }
    }

    static String entry(String type, int list, int i, SplittableRandom random) {
        return switch (type) {
            case "hostname" -> host(list, i);
            case "string" -> md5(list, i);
            default -> i % 8 == 7
                    ? "2001:db8:" + Integer.toHexString(list) + ":" + Integer.toHexString(i & 0xffff) + "::/64"
                    : ipv4(random) + "/" + (24 + random.nextInt(9));
        };
    }

    /** The i-th host name of a list: two labels below a per-list domain. */
    static String host(int list, int i) {
        return "h" + Integer.toString(i, 36) + ".l" + list + "-" + Integer.toString(i % 997, 36) + ".example";
    }

    static String md5(int list, int i) {
        return String.format("%016x%016x", (long) list * 0x9E3779B97F4A7C15L + i, (long) i * 0xC2B2AE3D27D4EB4FL);
    }

    static String ipv4(SplittableRandom random) {
        return (1 + random.nextInt(222)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + random.nextInt(256);
    }
}
