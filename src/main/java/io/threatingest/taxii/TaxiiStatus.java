package io.threatingest.taxii;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The TAXII status resource of one add-objects request. It is always {@code complete}: the request is answered only
 * once the broker holds what was accepted, so nothing is ever pending.
 */
@Schema(name = "TaxiiStatus")
public record TaxiiStatus(String id, String status, @JsonProperty("request_timestamp") String requestTimestamp,
        @JsonProperty("total_count") int totalCount, @JsonProperty("success_count") int successCount,
        List<Detail> successes, @JsonProperty("failure_count") int failureCount, List<Detail> failures,
        @JsonProperty("pending_count") int pendingCount, List<Detail> pendings) {

    public static final String COMPLETE = "complete";

    /**
     * One object of the request.
     *
     * @param version the object's {@code modified}, else its {@code created}, else when this server received it
     * @param message why the object failed; none for a success
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TaxiiStatusDetail")
    public record Detail(String id, String version, String message) {
    }
}
