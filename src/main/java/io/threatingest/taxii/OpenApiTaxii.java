package io.threatingest.taxii;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.threatingest.http.OpenApiErrorResponses;
import io.threatingest.http.OpenApiErrorResponses.ErrorMedia;
import io.threatingest.idempotency.OpenApiIdempotency;

/**
 * The TAXII operations' side of {@link OpenApiErrorResponses} and {@link OpenApiIdempotency}: their error answers
 * are TAXII error messages, and their POST takes {@code Idempotency-Key}. Runs at build time.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiTaxii implements OASFilter {

    static final ErrorMedia TAXII_ERRORS = new ErrorMedia(TaxiiMedia.TAXII, TaxiiMedia.TAXII,
            "#/components/schemas/TaxiiError");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!TaxiiStage.taxii(path.getKey())) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                if (operation.getValue().getResponses() != null) {
                    OpenApiErrorResponses.declare(operation.getKey(), operation.getValue(), TAXII_ERRORS);
                }
            }
            Operation post = path.getValue().getPOST();
            if (post != null && post.getResponses() != null) {
                OpenApiIdempotency.declare(openAPI, post, TAXII_ERRORS);
            }
        }
    }
}
