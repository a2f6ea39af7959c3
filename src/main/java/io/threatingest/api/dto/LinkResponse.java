package io.threatingest.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 202 answer to {@code POST /association}. */
@Schema(name = "AssociationAcknowledged")
public record LinkResponse(String message, String submissionId, String entityID, String relatedEntityID) {
}
