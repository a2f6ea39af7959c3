package io.threatingest.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 202 answer: the broker holds the submission. */
@Schema(name = "Acknowledged")
public record AcknowledgedResponse(
        @Schema(examples = "acknowledged") String message,
        @Schema(description = "Id of this submission: the message-id and CloudEvents id of its event.") String submissionId,
        @Schema(description = "ID of the submitted entity.") String id,
        @Schema(description = "Every entity ID of the submission, root first, without duplicates.") List<String> ids) {

    public static final String ACKNOWLEDGED = "acknowledged";
}
