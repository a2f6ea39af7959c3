package io.threatingest.http;

import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorKind;

/**
 * A boolean query parameter ({@code dryRun}, {@code refang}): absent or {@code false} is off, {@code true} or a bare
 * {@code ?name} is on, in any case; anything else is a 400 naming the parameter.
 */
public final class BooleanQueryParam {

    private BooleanQueryParam() {
    }

    public static boolean parse(String name, String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.isEmpty() || value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new ApiException(ErrorKind.INVALID_QUERY_PARAMETER, name + " must be true or false", name);
    }
}
