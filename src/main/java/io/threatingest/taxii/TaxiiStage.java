package io.threatingest.taxii;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.threatingest.http.PathFamily;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorKind;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * TAXII's place in the request pipeline, for every request under {@code /taxii2/}: content negotiation (406 for an
 * {@code Accept} that admits no TAXII 2.1 answer, 415 for a POST body that is not TAXII 2.1), run once the body has
 * been read; the 404 for a path no TAXII resource serves, run after the REST layer; errors as TAXII error messages.
 */
@ApplicationScoped
public class TaxiiStage implements PathFamily {

    static final String PREFIX = "/taxii2";

    /** Whether a request path is a TAXII one (its errors are TAXII error messages). */
    static boolean taxii(String path) {
        return path != null && (path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String endpoint() {
        return "taxii";
    }

    @Override
    public Response errorAnswer(Response answer) {
        return TaxiiErrors.asTaxii(answer);
    }

    @Override
    public void negotiate(RoutingContext context) {
        if (!TaxiiMedia.acceptable(context.request().getHeader("Accept"))) {
            context.fail(new ApiException(ErrorKind.NOT_ACCEPTABLE, "the answers are " + TaxiiMedia.TAXII
                    + "; send an Accept header that admits it", "Accept"));
            return;
        }
        if (context.request().method() == HttpMethod.POST
                && !TaxiiMedia.taxii21(context.request().getHeader("Content-Type"))) {
            context.fail(new ApiException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "send the objects as " + TaxiiMedia.TAXII,
                    "Content-Type"));
            return;
        }
        context.next();
    }

    /** Reached only when no TAXII resource matched the path. */
    @Override
    public void unknown(RoutingContext context) {
        context.fail(new ApiException(ErrorKind.NOT_FOUND, "no TAXII resource at " + context.normalizedPath(), null));
    }
}
