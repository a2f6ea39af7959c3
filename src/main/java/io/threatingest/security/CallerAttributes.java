package io.threatingest.security;

/** Attribute names this project puts on a {@code SecurityIdentity}. */
public final class CallerAttributes {

    /** {@code List<String>}: the groups the caller belongs to, for visibility. */
    public static final String GROUPS = "threat-ingest.groups";

    /**
     * {@code Boolean}: roles and groups are already those {@link CallerAugmentor} derives (set on identities served
     * from the Bearer token cache, which derived them once when the token was verified).
     */
    static final String COMPLETED = "threat-ingest.completed";

    private CallerAttributes() {
    }
}
