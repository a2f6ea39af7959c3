package io.threatingest.api;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.threatingest.api.dto.IntakeResponse;
import io.threatingest.config.IngestConfig;
import io.threatingest.http.BooleanQueryParam;
import io.threatingest.http.CallerResolver;
import io.threatingest.http.IntakeDocuments;
import io.threatingest.http.error.ErrorBody;
import io.threatingest.security.Roles;
import io.threatingest.service.Caller;
import io.threatingest.service.IntakeOptions;
import io.threatingest.service.IntakeService;
import io.threatingest.stix.StixMapper;
import io.vertx.ext.web.RoutingContext;

@Path("/api/ingest/v1/stix")
@Tag(name = "Intelligence documents")
@Produces(MediaType.APPLICATION_JSON)
public class StixResource {

    static final String STIX_JSON = "application/stix+json";

    static final String EXAMPLE = """
            {
              "type": "bundle",
              "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
              "objects": [
                {
                  "type": "indicator",
                  "spec_version": "2.1",
                  "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                  "created": "2026-11-30T08:00:00.000Z",
                  "modified": "2026-11-30T08:00:00.000Z",
                  "indicator_types": ["malicious-activity"],
                  "pattern": "[ipv4-addr:value = '203.0.113.7']",
                  "pattern_type": "stix",
                  "valid_from": "2026-11-30T08:00:00Z"
                }
              ]
            }""";

    private static final String DESCRIPTION = "A STIX 2.1 bundle, converted by the table in docs/stix-mapping.md "
            + "(observables, indicators with STIX patterns of the equality subset, relationships, sightings) and "
            + "published as a batch (docs/events.md). The answer reports every object: accepted (with its entity "
            + "IDs), rejected (why), unavailable (send it again) or not-mapped (why). 202 when anything was "
            + "published, 400 when nothing valid maps, 503 when the broker took nothing.";

    private final IntakeService intake;
    private final CallerResolver callers;
    private final ObjectMapper json;
    private final StixMapper mapper = new StixMapper();
    private final Duration retryAfter;

    public StixResource(IntakeService intake, CallerResolver callers, ObjectMapper json, IngestConfig config) {
        this.intake = intake;
        this.callers = callers;
        this.json = json;
        this.retryAfter = config.publish().retryAfter();
    }

    @POST
    @Consumes({ STIX_JSON, MediaType.APPLICATION_JSON })
    @RolesAllowed(Roles.REPORTER)
    @Operation(operationId = "ingestStixBundle", summary = "Ingest a STIX 2.1 bundle", description = DESCRIPTION)
    @RequestBody(required = true, content = {
            @Content(mediaType = STIX_JSON, schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "one indicator", value = EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "one indicator", value = EXAMPLE)) })
    @APIResponse(responseCode = "202", description = "Something was published: the broker holds it.", content = @Content(schema = @Schema(implementation = IntakeResponse.class)))
    @APIResponse(responseCode = "200", description = "Dry run: what would be published; nothing was.", content = @Content(schema = @Schema(implementation = IntakeResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a bundle, or no object maps to a valid entity.", content = @Content(schema = @Schema(implementation = IntakeResponse.class)))
    @APIResponse(responseCode = "403", description = "Missing role `reporter`.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "The broker took nothing; retry.", content = @Content(schema = @Schema(implementation = IntakeResponse.class)))
    public Uni<Response> bundle(RoutingContext routing,
            @Parameter(description = DryRun.DESCRIPTION) @QueryParam("dryRun") String dryRun,
            @Parameter(description = EntityResource.REFANG) @QueryParam("refang") String refang,
            @Parameter(description = ScreenParam.DESCRIPTION) @QueryParam("screen") String screen) {
        boolean dry = DryRun.requested(dryRun);
        IntakeOptions options = new IntakeOptions(dry, BooleanQueryParam.parse("refang", refang), List.of(), null,
                callers.screen(screen));
        Caller caller = callers.current();
        return intake.receive(() -> IntakeDocuments.read(routing, json, "a STIX 2.1 bundle"), mapper::bundle, caller,
                options, received -> IntakeAnswers.answer(received.report(), dry, retryAfter, json));
    }
}
