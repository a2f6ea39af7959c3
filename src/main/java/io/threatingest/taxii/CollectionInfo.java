package io.threatingest.taxii;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A TAXII collection as a client sees it: it can never be read, and written only with the role to submit. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TaxiiCollection")
public record CollectionInfo(String id, String title, String description,
        @JsonProperty("can_read") boolean canRead, @JsonProperty("can_write") boolean canWrite,
        @JsonProperty("media_types") List<String> mediaTypes) {

    /** The TAXII collections resource; {@code collections} is left out when there are none. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "TaxiiCollections")
    public record Listing(List<CollectionInfo> collections) {
    }
}
