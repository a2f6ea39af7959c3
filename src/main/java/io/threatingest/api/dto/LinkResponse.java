package io.threatingest.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** 202 answer to {@code POST /association}. */
@Schema(name = "AssociationAcknowledged")
public record LinkResponse(String message, String submissionId, String entityID, String relatedEntityID,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = ScreenedParam.DESCRIPTION) List<ScreenedParam> screened) {
}
