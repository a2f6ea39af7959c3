package io.threatingest.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /comment}. */
@Schema(name = "Comment")
public record CommentRequest(
        @Schema(description = "The entity commented on; or give `entity`.") String entityID,
        EntityRefRequest entity,
        @Schema(required = true, description = "Free text, at most 65,536 UTF-8 bytes; case kept.") String comment,
        @Schema(description = "The parent comment's id, for threads.", format = "uuid") String parentID,
        @Schema(description = "Defaults to the caller's groups.", nullable = true) List<String> visibleBy) {
}
