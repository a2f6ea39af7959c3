package io.threatingest.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.threatingest.api.dto.AcknowledgedResponse;
import io.threatingest.api.dto.EntityRequest;
import io.threatingest.api.dto.ErrorBody;
import io.threatingest.security.Roles;
import io.threatingest.service.IngestService;

@Path("/api/ingest/v1")
@Tag(name = "Entities")
@SecurityRequirementsSet(@SecurityRequirement(name = OpenApiSecurity.BEARER))
@SecurityRequirementsSet({ @SecurityRequirement(name = OpenApiSecurity.API_KEY),
        @SecurityRequirement(name = OpenApiSecurity.API_SECRET) })
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WellKnownResource {

    static final String EXAMPLE = """
            {
              "type": "domain",
              "attributes": {"domain": "example.com", "whois-registrar": "Example Registrar, Inc."}
            }""";

    private final IngestService ingest;
    private final CallerResolver callers;

    public WellKnownResource(IngestService ingest, CallerResolver callers) {
        this.ingest = ingest;
        this.callers = callers;
    }

    @POST
    @Path("/well-known")
    @RolesAllowed(Roles.TRUSTED)
    @Operation(summary = "Ingest a well-known entity", description = "A trusted entity that must never be rated "
            + "negatively: same value rules as POST /entity, one entity without associations or correlation, "
            + "reputation 0 or more. Its event carries wellKnown: true.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EntityRequest.class),
            examples = @ExampleObject(name = "domain", value = EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Acknowledged: the broker holds the submission.",
            content = @Content(schema = @Schema(implementation = AcknowledgedResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid entity.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "Missing role `trusted`.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Response> insert(EntityRequest body) {
        return ingest.ingestWellKnown(SubmissionMapper.toDomain(RequestBodies.required(body)), callers.current())
                .map(result -> Response.accepted(EntityResource.acknowledged(result)).build());
    }
}
