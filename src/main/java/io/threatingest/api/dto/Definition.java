package io.threatingest.api.dto;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entity type as {@code GET /definitions} shows it. Attributes and associations are complete nested
 * definitions; empty lists and an absent example are left out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Definition")
public record Definition(
        String type,
        String description,
        @Schema(description = "The data type whose rules validate the values.") String dataType,
        @Schema(description = "An example entity (only some types have one).") Map<String, Object> example,
        List<Definition> attributes,
        List<Definition> associations,
        List<String> tags,
        List<String> correlate,
        String label) {
}
