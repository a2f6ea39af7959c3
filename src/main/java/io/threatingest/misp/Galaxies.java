package io.threatingest.misp;

import java.util.Set;

/** Which MISP galaxies name adversaries and which name malware; clusters of other galaxies are not mapped. */
final class Galaxies {

    private static final Set<String> ADVERSARY = Set.of("threat-actor", "mitre-intrusion-set",
            "microsoft-activity-group");
    private static final Set<String> MALWARE = Set.of("malpedia", "mitre-malware", "ransomware", "rat", "botnet",
            "banker", "stealer", "backdoor", "android");

    private Galaxies() {
    }

    /** The entity type a cluster of that galaxy type becomes, or {@code null}. */
    static String entityType(String galaxyType) {
        if (galaxyType == null) {
            return null;
        }
        if (ADVERSARY.contains(galaxyType)) {
            return "adversary";
        }
        return MALWARE.contains(galaxyType) ? "malware" : null;
    }
}
