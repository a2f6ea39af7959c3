package io.threatingest.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 202 answer to {@code POST /comment}. */
@Schema(name = "CommentAcknowledged")
public record CommentResponse(
        String message,
        @Schema(description = "The comment's id (UUID version 7), also the event's message-id.") String id,
        String entityID) {
}
