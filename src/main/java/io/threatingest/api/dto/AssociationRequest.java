package io.threatingest.api.dto;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.threatingest.domain.value.RawValue;

/** A nested entity: every field of an entity plus how it relates to its parent. */
@Schema(name = "Association", description = "A nested entity and its relation to the parent entity.")
public record AssociationRequest(
        @Schema(description = "`aggregation` (part of the parent) or `association` (default).", enumeration = {
                "aggregation", "association" }) String mode,
        @Schema(required = true, examples = "domain") String type,
        @Schema(required = true, type = SchemaType.OBJECT, additionalProperties = Schema.True.class, examples = "{\"domain\": \"example.com\"}") Map<String, RawValue> attributes,
        @Schema(nullable = true) List<AssociationRequest> associations,
        @Schema(minimum = "-3", maximum = "3") Integer reputation,
        @Schema(nullable = true) List<String> correlate,
        @Schema(nullable = true) List<String> tags,
        @Schema(nullable = true) List<String> visibleBy){
}
