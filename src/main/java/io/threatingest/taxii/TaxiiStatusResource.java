package io.threatingest.taxii;

import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;
import io.threatingest.http.CallerResolver;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorKind;

/** The status of an add-objects request, for the caller that made it, from any replica. */
@Path("/taxii2/{root}/status/{statusId}")
@Tag(name = "TAXII")
@Produces(TaxiiMedia.TAXII)
public class TaxiiStatusResource {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final IngestConfig.Taxii config;
    private final TaxiiStatuses statuses;
    private final CallerResolver callers;

    public TaxiiStatusResource(IngestConfig config, TaxiiStatuses statuses, CallerResolver callers) {
        this.config = config.taxii();
        this.statuses = statuses;
        this.callers = callers;
    }

    @GET
    @Path("/")
    @Authenticated
    @Operation(operationId = "taxiiGetStatus", summary = "The status of an add-objects request", description = "The "
            + "status the request was answered with, kept for ingest.taxii.status-retention; only the caller that "
            + "made the request can read it.")
    @APIResponse(responseCode = "200", description = "The status.", content = @Content(mediaType = TaxiiMedia.TAXII, schema = @Schema(implementation = TaxiiStatus.class)))
    @APIResponse(responseCode = "404", description = "No such status for this caller, or it has expired.", content = @Content(mediaType = TaxiiMedia.TAXII, schema = @Schema(implementation = TaxiiError.class)))
    public Uni<Response> status(@PathParam("root") String root, @PathParam("statusId") String statusId) {
        TaxiiResource.requireRoot(root, config);
        if (!UUID.matcher(statusId).matches()) {
            throw new ApiException(ErrorKind.NOT_FOUND, "no status " + statusId, null);
        }
        return statuses.get(callers.current().userId(), statusId)
                .map(found -> TaxiiMedia.ok(found.orElseThrow(() -> new ApiException(ErrorKind.NOT_FOUND, "no status "
                        + statusId + " of yours (unknown, expired, or another caller's)", null))));
    }
}
