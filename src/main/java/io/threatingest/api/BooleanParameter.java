package io.threatingest.api;

import io.threatingest.api.error.ApiException;

/** A boolean query parameter: absent or {@code false} is false; empty or {@code true} is true; else 400. */
final class BooleanParameter {

    private BooleanParameter() {
    }

    static boolean of(String name, String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.isEmpty() || value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiException.badRequest("invalid query parameter", name + " must be true or false", name);
    }
}
