package io.threatingest.http.error;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON body of every non-2xx answer. */
@Schema(name = "Error")
public record ErrorBody(Detail error) {

    /**
     * @param type severity derived from the status (WARNING for 4xx, ERROR for 500, CRITICAL for 502-508)
     * @param code stable code of the kind of error (MD5 hex of its summary)
     * @param errorId same as the {@code x-error-id} header, unique per occurrence
     * @param param JSON pointer of the offending field, or the query parameter, when there is one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ErrorDetail")
    public record Detail(
            String message,
            String type,
            String code,
            @JsonProperty("error_id") String errorId,
            @Schema(examples = "/attributes/ip") String param) {
    }
}
