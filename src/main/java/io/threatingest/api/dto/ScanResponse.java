package io.threatingest.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scan task: 202 with status {@code new} when created, 200 with its status when it already existed. */
@Schema(name = "ScanTask")
public record ScanResponse(
        @Schema(format = "uuid") String id,
        @Schema(enumeration = {
                "new", "queued", "running", "done" }) String status){
}
