package io.threatingest.api;

import io.threatingest.api.error.ApiException;

/** The {@code dryRun} query parameter: absent, {@code true} or {@code false}; anything else is a 400. */
final class DryRun {

    private DryRun() {
    }

    static boolean requested(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.isEmpty() || value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiException.badRequest("invalid query parameter", "dryRun must be true or false", "dryRun");
    }
}
