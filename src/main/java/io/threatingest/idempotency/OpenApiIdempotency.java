package io.threatingest.idempotency;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.threatingest.http.OpenApiErrorResponses;
import io.threatingest.http.OpenApiErrorResponses.ErrorMedia;
import io.threatingest.http.PathFamily;
import io.threatingest.http.SubmissionPaths;

/**
 * Declares {@code Idempotency-Key} on every POST under {@code /api/ingest/v1} (see {@link IdempotencyKeys}): the
 * header parameter, the 409 and 422 answers, and {@code Idempotency-Replayed} on the answers that can be replayed.
 * A {@link PathFamily}'s filter calls {@link #declare} for its own POST operations, in its error media. A sibling of
 * {@link OpenApiErrorResponses}, whose order against this one does not matter: the answers added here carry the
 * error headers already.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiIdempotency implements OASFilter {

    private static final String ERROR_SCHEMA = "#/components/schemas/Error";
    private static final String PARAMETER = "IdempotencyKey";
    /** Answers given before a key is looked at, or about the key itself: never kept, so never replayed. */
    private static final Set<String> NEVER_KEPT = Set.of("401", "406", "409", "413", "415", "422", "429");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            Operation post = path.getValue().getPOST();
            if (post != null && path.getKey().startsWith(SubmissionPaths.API) && post.getResponses() != null) {
                declare(openAPI, post, OpenApiErrorResponses.JSON);
            }
        }
    }

    /** Declares the key on this POST operation, its error answers in this media. */
    public static void declare(OpenAPI openAPI, Operation post, ErrorMedia media) {
        declareComponents(openAPI);
        post.addParameter(OASFactory.createParameter().ref("#/components/parameters/" + PARAMETER));
        post.getResponses().getAPIResponses().forEach((status, response) -> {
            if ((status.startsWith("2") || status.startsWith("4")) && !NEVER_KEPT.contains(status)) {
                response.addHeader(IdempotencyKeys.REPLAYED,
                        OASFactory.createHeader().ref("#/components/headers/" + IdempotencyKeys.REPLAYED));
            }
        });
        post.getResponses().addAPIResponse("409", OpenApiErrorResponses.errorAnswer("A request with this "
                + "Idempotency-Key is still being processed; see Retry-After.", media)
                .addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds to wait before retrying")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))));
        post.getResponses().addAPIResponse("422",
                OpenApiErrorResponses.errorAnswer("This Idempotency-Key was used with another request.", media));
    }

    private static void declareComponents(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getParameters() != null
                && openAPI.getComponents().getParameters().containsKey(PARAMETER)) {
            return;
        }
        openAPI.getComponents()
                .addParameter(PARAMETER, OASFactory.createParameter()
                        .name(IdempotencyKeys.HEADER)
                        .in(Parameter.In.HEADER)
                        .required(false)
                        .description("Makes a retry safe: a request repeated with the same key (same caller, "
                                + "method, path, query, media type and body) within the retention gets the "
                                + "first answer again instead of being processed twice. Only 2xx and 4xx "
                                + "answers are kept.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                                .maxLength(IdempotencyKeys.MAX_LENGTH).pattern("^[!-~]+$")))
                .addHeader(IdempotencyKeys.REPLAYED, OASFactory.createHeader()
                        .description("`true` when this is the answer kept for the Idempotency-Key, sent again")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .addEnumeration("true")));
    }
}
