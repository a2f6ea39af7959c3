package io.threatingest.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.threatingest.http.error.ErrorBody;

/**
 * The answer to {@code POST /batch}: counts and one outcome per item, in request order. On 400 and 503 the same
 * body also carries the {@code error} of every error answer.
 */
@Schema(name = "BatchResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchResponse(
        @Schema(description = "Present on 400 and 503 only: the error of the batch as a whole.") ErrorBody.Detail error,
        @Schema(description = "Items held by the broker (in a dry run: valid items).") int accepted,
        @Schema(description = "Invalid items, and valid ones held back because the batch is atomic.") int rejected,
        @Schema(description = "Valid items the broker did not take: retry them.") int unavailable,
        List<Item> items) {

    /**
     * @param duplicateOf present when an earlier item of the batch has the same root entity ID; both are kept
     */
    @Schema(name = "BatchItemResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            @Schema(description = "Position of the item in the batch (NDJSON: among the non-blank lines), from 0.") int index,
            @Schema(enumeration = {
                    "accepted", "rejected", "unavailable" }) String status,
            @Schema(description = "ID of the item's root entity.") String id,
            @Schema(description = "Every entity ID of the item, root first, without duplicates.") List<String> ids,
            @Schema(description = "Id of the event that carries the item (several items share one event).") String submissionId,
            @Schema(description = "Index of an earlier item with the same root entity ID; both are published.") Integer duplicateOf,
            ItemError error,
            @Schema(description = "With refang=true: the values restored before validation, pointers from the batch's root.") List<RefangedParam> refanged,
            @Schema(description = ScreenedParam.DESCRIPTION) List<ScreenedParam> screened){
    }

    /**
     * @param param JSON pointer from the batch document's root (NDJSON: as though the lines were the entities array)
     * @param code stable code of the kind of error, as in the error body
     */
    @Schema(name = "BatchItemError")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemError(String message, @Schema(examples = "/entities/17/attributes/ip") String param,
            String code) {
    }
}
