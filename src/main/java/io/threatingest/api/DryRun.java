package io.threatingest.api;

import jakarta.ws.rs.core.Response;

import io.threatingest.http.BooleanQueryParam;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorKind;

/** The {@code dryRun} query parameter: absent, {@code true} or {@code false}; anything else is a 400. */
final class DryRun {

    static final String DESCRIPTION = "Validate only: publish nothing, answer 200.";

    private DryRun() {
    }

    static boolean requested(String value) {
        return BooleanQueryParam.parse("dryRun", value);
    }

    /** 200 for a dry run (nothing was published), else 202. */
    static Response answer(boolean dryRun, Object body) {
        return (dryRun ? Response.ok(body) : Response.accepted(body)).build();
    }

    /** For endpoints that cannot validate without acting: a dry run is refused rather than ignored. */
    static void refuse(String value, String why) {
        if (requested(value)) {
            throw new ApiException(ErrorKind.INVALID_QUERY_PARAMETER, "dryRun is not supported here: " + why, "dryRun");
        }
    }
}
