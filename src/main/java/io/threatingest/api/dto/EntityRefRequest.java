package io.threatingest.api.dto;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.threatingest.domain.value.RawValue;

/** An entity named by type and value; the service validates the value and computes the ID. */
@Schema(name = "EntityRef", description = "An entity by type and value instead of by ID.")
public record EntityRefRequest(
        @Schema(required = true, examples = "ip") String type,
        @Schema(required = true, type = SchemaType.STRING, description = "The value, as for the attribute of that "
                + "type (a number for Integer and Float types).", examples = "203.0.113.1") RawValue value) {
}
