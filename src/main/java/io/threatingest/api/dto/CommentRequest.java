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
        @Schema(description = "Defaults to the caller's groups.", nullable = true) List<String> visibleBy,
        @Schema(description = "Another spelling of `entityID` (the reference's client library sends it); give one "
                + "of the two.") String entityId,
        @Schema(description = "Another spelling of `comment`; give one of the two.") String content,
        @Schema(description = "Another spelling of `parentID`; give one of the two.", format = "uuid") String parentId) {
}
