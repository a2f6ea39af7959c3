package io.threatingest.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /association}: each side by ID or by type and value. */
@Schema(name = "AssociationLink", description = "Links two entities. Give each side either as an ID or as "
        + "`entity` / `relatedEntity` {type, value}.")
public record LinkRequest(
        @Schema(examples = "ip-ba7fa36bff8d58ee45b973615e83d9aaeb921f1cc477d9c156e8a9cae8cca16e") String entityID,
        @Schema(examples = "domain-0b2b4f5b01c7c8b8b3b8c7c7b2c0d1a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8") String relatedEntityID,
        EntityRefRequest entity,
        EntityRefRequest relatedEntity,
        @Schema(description = "`association` (default) or `aggregation`.", enumeration = {
                "aggregation", "association" }) String mode){
}
