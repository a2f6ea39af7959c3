package io.threatingest.taxii;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.threatingest.http.error.ErrorBody;

/**
 * A TAXII error message that also carries the service's own error object ({@code error}), so that a client of
 * either reads it.
 *
 * @param errorId the {@code x-error-id} of the answer
 * @param errorCode the stable code of the kind of error (the {@code code} of {@code error})
 * @param details the JSON pointer or parameter the error is about, when there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TaxiiError")
public record TaxiiError(String title, String description, @JsonProperty("error_id") String errorId,
        @JsonProperty("error_code") String errorCode, @JsonProperty("http_status") String httpStatus,
        Map<String, String> details, ErrorBody.Detail error) {
}
