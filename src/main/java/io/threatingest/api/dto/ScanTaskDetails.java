package io.threatingest.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scan task as {@code GET /scan/{taskId}} shows it; the webhook only by its outcome, never its URL or headers. */
@Schema(name = "ScanTaskDetails")
public record ScanTaskDetails(
        @Schema(format = "uuid") String id,
        @Schema(description = "The normalised target.") String target,
        @Schema(enumeration = {
                "ip", "fqdn" }) String type,
        @Schema(enumeration = { "new", "queued", "running", "done" }) String status,
        @Schema(format = "date-time") String createdAt,
        @Schema(format = "date-time", description = "When the status last changed.") String updatedAt,
        @Schema(format = "date-time", description = "When the scan finished; absent before.") String finishedAt,
        @Schema(description = "The completion webhook, when one was asked for.") WebhookOutcome webhook){

    @Schema(name = "ScanWebhookOutcome")
    public record WebhookOutcome(
            @Schema(enumeration = {
                    "pending", "calling", "delivered", "refused",
                    "failed" }, description = "pending until the scan is done; refused when the receiver's address was not "
                            + "allowed at call time; failed after every attempt failed") String status){
    }
}
