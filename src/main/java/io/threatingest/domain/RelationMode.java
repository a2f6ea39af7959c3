package io.threatingest.domain;

/** How a related entity belongs to its parent. */
public enum RelationMode {

    /** The related entity is a part of the parent (a file and the malware it contains). */
    AGGREGATION("aggregation"),
    /** A looser link without containment (a domain and the address it resolves to). */
    ASSOCIATION("association");

    private final String wireName;

    RelationMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The mode named in a request: absent or empty means association; unknown names give {@code null}. */
    public static RelationMode fromRequest(String name) {
        if (name == null || name.isEmpty()) {
            return ASSOCIATION;
        }
        for (RelationMode mode : values()) {
            if (mode.wireName.equals(name)) {
                return mode;
            }
        }
        return null;
    }
}
