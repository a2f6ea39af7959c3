package io.threatingest.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** 202 answer to {@code POST /comment}. */
@Schema(name = "CommentAcknowledged")
public record CommentResponse(
        String message,
        @Schema(description = "The comment's id (UUID version 7), also the event's message-id.") String id,
        String entityID,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = ScreenedParam.DESCRIPTION) List<ScreenedParam> screened) {
}
