package io.threatingest.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.threatingest.http.error.ErrorBody;

/**
 * The answer to a converted document ({@code POST /stix}, {@code /misp}): counts and one outcome per object of the
 * document, in document order. On 400 and 503 the same body also carries the {@code error} of every error answer.
 */
@Schema(name = "IntakeResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeResponse(
        @Schema(description = "Present on 400 and 503 only: the error of the document as a whole.") ErrorBody.Detail error,
        @Schema(description = "Objects whose every entity tree the broker holds (in a dry run: is valid).") int accepted,
        @Schema(description = "Objects with an invalid entity tree; their valid trees may still have been published.") int rejected,
        @Schema(description = "Objects the broker did not take in full: send them again.") int unavailable,
        @Schema(description = "Objects that map to no entity; the reason is given for each.") int notMapped,
        List<Item> objects) {

    @Schema(name = "IntakeObjectResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            @Schema(description = "Position of the object in the document, from 0.") int index,
            @Schema(description = "How the document names the object: STIX id, MISP uuid.", examples = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f") String ref,
            @Schema(description = "The object's version where its format has one (STIX modified, MISP timestamp).") String version,
            @Schema(description = "The object's type in its own format.", examples = "indicator") String kind,
            @Schema(description = "JSON pointer of the object in the document.", examples = "/objects/3") String pointer,
            @Schema(enumeration = {
                    "accepted", "rejected", "unavailable", "not-mapped" }) String status,
            @Schema(description = "Every entity ID of the object's accepted trees, without duplicates.") List<String> ids,
            @Schema(description = "Ids of the events that carry them.") List<String> submissionIds,
            @Schema(description = "Why the object is rejected or unavailable; param is the object's pointer.") BatchResponse.ItemError error,
            @Schema(description = "Why a not-mapped object maps to no entity.") String reason,
            @Schema(description = "With refang=true: values restored before validation, pointers within the object's entity tree.") List<RefangedParam> refanged,
            @Schema(description = ScreenedParam.DESCRIPTION) List<ScreenedParam> screened){
    }
}
