package io.threatingest.http;

import jakarta.enterprise.context.ApplicationScoped;

import io.threatingest.service.SubmissionMetrics;
import io.vertx.ext.web.RoutingContext;

/**
 * Records every answered submission (a POST to the API, or under a {@link PathFamily}, labelled with its
 * endpoint), whichever stage answered it: the REST resources, the error mappers, or the stages that refuse a
 * request before the REST layer sees it.
 */
@ApplicationScoped
public class SubmissionOutcomes {

    private final SubmissionMetrics metrics;
    private final SubmissionPaths paths;

    public SubmissionOutcomes(SubmissionMetrics metrics, SubmissionPaths paths) {
        this.metrics = metrics;
        this.paths = paths;
    }

    void count(RoutingContext context) {
        String endpoint = paths.endpoint(context.normalizedPath());
        context.addEndHandler(ended -> metrics.answered(endpoint, context.response().getStatusCode()));
        context.next();
    }
}
