package io.threatingest.taxii;

import jakarta.enterprise.context.ApplicationScoped;

import io.threatingest.api.error.ApiException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The TAXII stages of the request pipeline, for every request under {@code /taxii2/}: content negotiation (406 for
 * an {@code Accept} that admits no TAXII 2.1 answer, 415 for a POST body that is not TAXII 2.1), run once the body
 * has been read; and the 404 for a path no TAXII resource serves, run after the REST layer.
 */
@ApplicationScoped
public class TaxiiStage {

    /** Every TAXII path, as a route pattern. */
    public static final String ROUTE = "/taxii2/*";

    /** Whether a request path is a TAXII one (its errors are TAXII error messages). */
    public static boolean taxii(String path) {
        return path != null && (path.equals("/taxii2") || path.startsWith("/taxii2/"));
    }

    public void negotiate(RoutingContext context) {
        if (!TaxiiMedia.acceptable(context.request().getHeader("Accept"))) {
            context.fail(new ApiException(406, "not acceptable", "the answers are " + TaxiiMedia.TAXII
                    + "; send an Accept header that admits it", "Accept"));
            return;
        }
        if (context.request().method() == HttpMethod.POST
                && !TaxiiMedia.taxii21(context.request().getHeader("Content-Type"))) {
            context.fail(new ApiException(415, "unsupported media type", "send the objects as " + TaxiiMedia.TAXII,
                    "Content-Type"));
            return;
        }
        context.next();
    }

    /** Reached only when no TAXII resource matched the path. */
    public void unknown(RoutingContext context) {
        context.fail(new ApiException(404, "not found", "no TAXII resource at " + context.normalizedPath(), null));
    }
}
