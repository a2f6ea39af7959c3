package io.threatingest.security;

/** Attribute names this project puts on a {@code SecurityIdentity}. */
public final class CallerAttributes {

    /** {@code List<String>}: the groups the caller belongs to, for visibility. */
    public static final String GROUPS = "threat-ingest.groups";

    private CallerAttributes() {
    }
}
