package io.threatingest.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.threatingest.service.SubmissionMetrics;
import io.threatingest.taxii.TaxiiStage;
import io.vertx.ext.web.RoutingContext;

/**
 * Records every answered submission (POST to the API, or to TAXII: {@code endpoint="taxii"}), whichever stage answered it: the REST resources, the error
 * mappers, or the stages that refuse a request before the REST layer sees it.
 */
@ApplicationScoped
public class SubmissionOutcomes {

    static final String PREFIX = "/api/ingest/v1/";

    private final SubmissionMetrics metrics;

    public SubmissionOutcomes(SubmissionMetrics metrics) {
        this.metrics = metrics;
    }

    void count(RoutingContext context) {
        String endpoint = endpoint(context.normalizedPath());
        context.addEndHandler(ended -> metrics.answered(endpoint, context.response().getStatusCode()));
        context.next();
    }

    static String endpoint(String path) {
        if (TaxiiStage.taxii(path)) {
            return "taxii";
        }
        if (!path.startsWith(PREFIX)) {
            return "other";
        }
        int end = path.indexOf('/', PREFIX.length());
        return path.substring(PREFIX.length(), end < 0 ? path.length() : end);
    }
}
