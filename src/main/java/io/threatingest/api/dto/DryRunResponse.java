package io.threatingest.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * 200 answer to {@code dryRun=true}: what would be ingested. Nothing was published. Documented as an extension of
 * the 202 answer (whose {@code submissionId} it never carries) so that a generated client, which types an
 * operation by one success answer, reads both answers of POST /entity with one model.
 */
@Schema(name = "DryRun", allOf = AcknowledgedResponse.class)
public record DryRunResponse(
        String message,
        String id,
        List<String> ids,
        @Schema(description = "Each entity with its normalised main value, in the order of `ids`.") List<EntityPreview> entities,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = AcknowledgedResponse.REFANGED) List<RefangedParam> refanged,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = ScreenedParam.DESCRIPTION) List<ScreenedParam> screened) {

    /** An entity's identity and normalised main value. */
    @Schema(name = "EntityPreview")
    public record EntityPreview(String id, String type,
            @Schema(description = "Normalised main value: a string, or a number for Integer and Float types.") Object value) {
    }
}
