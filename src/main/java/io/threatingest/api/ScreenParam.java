package io.threatingest.api;

/** The {@code screen} query parameter of every door that screens. */
final class ScreenParam {

    static final String DESCRIPTION = "false: skip screening against the false-positive and exclusion lists (only "
            + "for a caller with the role `unscreened`; 403 otherwise). Default true.";

    private ScreenParam() {
    }
}
