package io.threatingest.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.threatingest.http.error.ErrorBody;

/**
 * The indicators found in a text, each value once, in the order of first appearance; with {@code submit=true}, what
 * became of each. On 400 and 503 the same body also carries the {@code error} of every error answer.
 */
@Schema(name = "ExtractResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtractResponse(
        @Schema(description = "Present on 400 and 503 only: the error of the request as a whole.") ErrorBody.Detail error,
        @Schema(description = "Whether the indicators were published (submit=true).") boolean submitted,
        @Schema(description = "Indicators that are valid (submitted: that the broker holds).") int accepted,
        @Schema(description = "Indicators found but refused by their type's validation.") int rejected,
        @Schema(description = "Submitted indicators the broker did not take: send them again.") int unavailable,
        List<Indicator> indicators) {

    @Schema(name = "ExtractedIndicator")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Indicator(
            @Schema(description = "The entity type it was recognised as.", examples = "domain") String type,
            @Schema(description = "The value submitted (defanging undone), before normalisation.", examples = "evil.example.com") String value,
            @Schema(description = "The text as found at its first occurrence.", examples = "evil[.]example[.]com") String found,
            @Schema(description = "Offsets (UTF-16 units) of every occurrence.") List<Integer> at,
            @Schema(enumeration = {
                    "accepted", "rejected", "unavailable" }) String status,
            @Schema(description = "The entity ID.", examples = "domain-3a1c…") String id,
            @Schema(description = "Id of the event that carries it (submitted only).") String submissionId,
            BatchResponse.ItemError error,
            @Schema(description = ScreenedParam.DESCRIPTION) List<ScreenedParam> screened){
    }
}
