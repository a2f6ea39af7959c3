package io.threatingest.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.threatingest.service.SubmissionMetrics;
import io.vertx.ext.web.Router;

/**
 * Records every answered submission (POST to the API), whichever layer answered it: the REST resources, the
 * error mappers, or the HTTP handlers that refuse a body before the REST layer sees it.
 */
@ApplicationScoped
public class SubmissionOutcomes {

    private static final String PREFIX = "/api/ingest/v1/";

    private final SubmissionMetrics metrics;

    public SubmissionOutcomes(SubmissionMetrics metrics) {
        this.metrics = metrics;
    }

    void register(@Observes Router router) {
        // first of all routes, before the shutdown gate and the body limit, so that their refusals count too
        router.post(PREFIX + "*").order(Integer.MIN_VALUE).handler(context -> {
            String endpoint = endpoint(context.normalizedPath());
            context.addEndHandler(ended -> metrics.answered(endpoint, context.response().getStatusCode()));
            context.next();
        });
    }

    static String endpoint(String path) {
        if (!path.startsWith(PREFIX)) {
            return "other";
        }
        int end = path.indexOf('/', PREFIX.length());
        return path.substring(PREFIX.length(), end < 0 ? path.length() : end);
    }
}
