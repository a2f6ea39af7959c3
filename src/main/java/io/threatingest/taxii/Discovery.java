package io.threatingest.taxii;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The TAXII discovery resource: the server and its API roots (absolute URLs). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TaxiiDiscovery")
public record Discovery(String title, String description, String contact,
        @JsonProperty("default") String defaultRoot, @JsonProperty("api_roots") List<String> apiRoots) {
}
