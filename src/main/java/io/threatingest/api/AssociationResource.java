package io.threatingest.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.threatingest.api.dto.AcknowledgedResponse;
import io.threatingest.api.dto.LinkRequest;
import io.threatingest.api.dto.LinkResponse;
import io.threatingest.api.dto.ScreenedParam;
import io.threatingest.http.CallerResolver;
import io.threatingest.http.error.ErrorBody;
import io.threatingest.security.Roles;
import io.threatingest.service.AssociationService;

@Path("/api/ingest/v1")
@Tag(name = "Associations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AssociationResource {

    static final String EXAMPLE = """
            {
              "entityID": "ip-ba7fa36bff8d58ee45b973615e83d9aaeb921f1cc477d9c156e8a9cae8cca16e",
              "relatedEntity": {"type": "domain", "value": "dns.google"},
              "mode": "association"
            }""";

    private final AssociationService associations;
    private final CallerResolver callers;

    public AssociationResource(AssociationService associations, CallerResolver callers) {
        this.associations = associations;
        this.callers = callers;
    }

    @POST
    @Path("/association")
    @RolesAllowed(Roles.REPORTER)
    @Operation(operationId = "linkEntities", summary = "Link two entities", description = "Each side is an ID `<type>-<64 hex>` or a "
            + "{type, value} that the service validates and hashes. Existence is not checked here.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LinkRequest.class), examples = @ExampleObject(name = "ip to domain", value = EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Acknowledged, with both IDs; without submissionId when a screening list drops a referenced entity (nothing published).", content = @Content(schema = @Schema(implementation = LinkResponse.class)))
    @APIResponse(responseCode = "200", description = "Dry run: valid, nothing published (no submissionId).", content = @Content(schema = @Schema(implementation = LinkResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid ID, value or mode.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "Missing role `reporter`, or screen=false without the role `unscreened`.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "422", description = "An entity given by {type, value} is on a screening list whose action is refuse.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Response> link(LinkRequest body,
            @Parameter(description = DryRun.DESCRIPTION) @QueryParam("dryRun") String dryRun,
            @Parameter(description = ScreenParam.DESCRIPTION) @QueryParam("screen") String screen) {
        LinkRequest request = RequestBodies.required(body);
        boolean validateOnly = DryRun.requested(dryRun);
        boolean screened = callers.screen(screen);
        return associations.link(request.entityID(), RequestBodies.ref(request.entity()), request.relatedEntityID(),
                RequestBodies.ref(request.relatedEntity()), request.mode(), callers.current(), validateOnly, screened)
                .map(linked -> DryRun.answer(validateOnly, new LinkResponse(AcknowledgedResponse.ACKNOWLEDGED,
                        linked.submissionId(), linked.entityID(), linked.relatedEntityID(),
                        ScreenedParam.of(linked.screened()))));
    }
}
