package io.threatingest.http;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.quarkus.arc.All;

/**
 * Which paths take submissions (every POST under {@link #API} and under a {@link PathFamily}'s prefix), and under
 * which family a path falls.
 */
@ApplicationScoped
public class SubmissionPaths {

    /** The REST API's submissions. */
    public static final String API = "/api/ingest/v1/";

    private final List<PathFamily> families;

    public SubmissionPaths(@All List<PathFamily> families) {
        this.families = List.copyOf(families);
    }

    public List<PathFamily> families() {
        return families;
    }

    /** Whether a POST to this path is a submission. */
    public boolean submission(String path) {
        return path.startsWith(API) || family(path) != null;
    }

    /** The {@code endpoint} label of answer counting: the family's, the API path's first segment, or "other". */
    public String endpoint(String path) {
        PathFamily family = family(path);
        if (family != null) {
            return family.endpoint();
        }
        if (!path.startsWith(API)) {
            return "other";
        }
        int end = path.indexOf('/', API.length());
        return path.substring(API.length(), end < 0 ? path.length() : end);
    }

    /** The error answer as the path's family writes errors; unchanged outside every family. */
    public Response errorAnswer(String path, Response answer) {
        PathFamily family = family(path);
        return family == null ? answer : family.errorAnswer(answer);
    }

    private PathFamily family(String path) {
        for (PathFamily family : families) {
            if (family.contains(path)) {
                return family;
            }
        }
        return null;
    }
}
