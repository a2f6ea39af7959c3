package io.threatingest.taxii;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The TAXII API root resource: the versions it speaks and the largest request body it takes, in bytes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TaxiiApiRoot")
public record ApiRootInfo(String title, String description, List<String> versions,
        @JsonProperty("max_content_length") long maxContentLength) {
}
