package io.threatingest.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON body of {@code POST /batch} (documentation only: the service reads it item by item). */
@Schema(name = "Batch", description = "Entity trees to ingest, each validated alone.")
public record BatchRequest(
        @Schema(required = true, description = "Entity trees as for POST /entity; at most "
                + "ingest.limits.max-batch-items (10,000 by default).") List<EntityRequest> entities) {
}
