package io.threatingest.security;

import java.util.Set;

/** Role names of the reference API. A caller needs one of the route's roles; {@code admin} has them all. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String USER = "user";
    public static final String REPORTER = "reporter";
    public static final String TRUSTED = "trusted";
    /** A trusted source that may skip screening ({@code ?screen=false}). */
    public static final String UNSCREENED = "unscreened";

    public static final Set<String> ALL = Set.of(ADMIN, USER, REPORTER, TRUSTED, UNSCREENED);

    private Roles() {
    }
}
