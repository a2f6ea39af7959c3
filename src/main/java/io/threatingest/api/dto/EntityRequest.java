package io.threatingest.api.dto;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.threatingest.domain.value.RawValue;

/** The body of {@code POST /entity}: one entity with optional nested associations. */
@Schema(name = "Entity", description = "An entity to ingest, with optional nested associations.")
public record EntityRequest(
        @Schema(required = true, description = "Entity type name from GET /definitions.", examples = "ip") String type,
        @Schema(required = true, type = SchemaType.OBJECT, description = "Attribute values keyed by entity type "
                + "name. Must contain the key equal to `type` (the main attribute). Integer and Float types take "
                + "JSON numbers, every other type a JSON string.", additionalProperties = Schema.True.class, examples = "{\"ip\": \"203.0.113.1\"}") Map<String, RawValue> attributes,
        @Schema(description = "Nested entities related to this one.", nullable = true) List<AssociationRequest> associations,
        @Schema(description = "From -3 (worst) to 3 (best); 0 when absent.", minimum = "-3", maximum = "3") Integer reputation,
        @Schema(description = "Attribute names whose values also become entities of their own.", nullable = true) List<String> correlate,
        @Schema(description = "Free labels.", nullable = true) List<String> tags,
        @Schema(description = "Groups that may see the entity; defaults to the caller's groups.", nullable = true) List<String> visibleBy) {
}
