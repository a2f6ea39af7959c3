package io.threatingest.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** 202 answer: the broker holds the submission. */
@Schema(name = "Acknowledged")
public record AcknowledgedResponse(
        @Schema(examples = "acknowledged") String message,
        @Schema(description = "Id of this submission: the message-id and CloudEvents id of its event.") String submissionId,
        @Schema(description = "ID of the submitted entity.") String id,
        @Schema(description = "Every entity ID of the submission, root first, without duplicates.") List<String> ids,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = REFANGED) List<RefangedParam> refanged,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = ScreenedParam.DESCRIPTION) List<ScreenedParam> screened) {

    public static final String ACKNOWLEDGED = "acknowledged";

    public static final String REFANGED = "Only with refang=true: every value that was rewritten from a defanged form "
            + "(hxxp://, [.], [at], ...) before validation, in request order; empty when none was.";
}
