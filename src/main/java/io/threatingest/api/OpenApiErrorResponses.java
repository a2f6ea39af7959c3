package io.threatingest.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.threatingest.taxii.TaxiiMedia;

/**
 * Adds the answers every API operation can give (401, 406, 429, 500, 503; and 413 and 415 for operations that
 * take a body) with the uniform error body, and the {@code x-error} / {@code x-error-id} headers to every error
 * answer, so that the resources document only what is particular to them. {@code OpenApiAnswersTest} provokes
 * each kind of answer on each operation and fails on one the document does not declare. Runs at build time: the
 * stored document is final, and start-up does not pay for filtering it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiErrorResponses implements OASFilter {

    private static final String ERROR_SCHEMA = "#/components/schemas/Error";
    /** TAXII operations answer errors as TAXII error messages (which hold the uniform error too). */
    private static final String TAXII_ERROR_SCHEMA = "#/components/schemas/TaxiiError";
    private static final String TAXII = "TAXII";

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : pathItem.getOperations().entrySet()) {
            APIResponses responses = entry.getValue().getResponses();
            Operation operation = entry.getValue();
            boolean taxii = operation.getTags() != null && operation.getTags().contains(TAXII);
            if (responses == null || !taxii && !documentsErrors(responses)) {
                continue;
            }
            String media = taxii ? TaxiiMedia.TAXII : "application/json";
            String schema = taxii ? TAXII_ERROR_SCHEMA : ERROR_SCHEMA;
            add(responses, "401", "No, invalid or ambiguous credentials; see WWW-Authenticate.", media, schema);
            add(responses, "406", taxii
                    ? "The Accept header admits no " + TaxiiMedia.TAXII + " answer."
                    : "The Accept header admits no JSON answer.", media, schema);
            add(responses, "429", "Rate limit of this caller reached; see Retry-After and the RateLimit headers.",
                    media, schema);
            add(responses, "500", "Unexpected failure; quote x-error-id to support.", media, schema);
            if (operation.getRequestBody() != null) {
                add(responses, "413", "The body is over the size limit (ingest.limits.max-body-size).", media,
                        schema);
                add(responses, "415", taxii
                        ? "The body is not " + TaxiiMedia.TAXII + "."
                        : "The body is not application/json.", media, schema);
            }
            add(responses, "503", entry.getKey() == PathItem.HttpMethod.POST
                    ? "The broker cannot take it now, the state backend cannot be asked (scans, Idempotency-Key), "
                            + "or the service is shutting down; nothing was acknowledged. See Retry-After."
                    : "The service is shutting down; retry on another instance. See Retry-After.", media, schema);
            responses.getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    addErrorHeaders(response);
                }
            });
        }
        return pathItem;
    }

    /** Only the API's own operations document a 400 or 403 with the error body. */
    private static boolean documentsErrors(APIResponses responses) {
        return responses.getAPIResponse("403") != null || responses.getAPIResponse("400") != null;
    }

    /** Replaces whatever was there (the framework adds a bare 401 to every role-checked operation). */
    private static void add(APIResponses responses, String status, String description, String media,
            String schema) {
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(media,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schema))));
        responses.addAPIResponse(status, response);
    }

    private static void addErrorHeaders(APIResponse response) {
        response.addHeader("x-error", stringHeader("Readable description of the error"))
                .addHeader("x-error-id", stringHeader("Unique id of this occurrence"));
    }

    private static Header stringHeader(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
