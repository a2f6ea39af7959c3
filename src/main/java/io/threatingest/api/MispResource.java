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
import io.threatingest.misp.MispMapper;
import io.threatingest.security.Roles;
import io.threatingest.service.Caller;
import io.threatingest.service.IntakeOptions;
import io.threatingest.service.IntakeService;
import io.vertx.ext.web.RoutingContext;

@Path("/api/ingest/v1/misp")
@Tag(name = "Intelligence documents")
@Produces(MediaType.APPLICATION_JSON)
public class MispResource {

    static final String EXAMPLE = """
            {
              "Event": {
                "info": "Phishing wave",
                "uuid": "5b0b4bd1-4a5c-4f2d-9a57-3c7a2b0c9e10",
                "Tag": [{"name": "tlp:green"}],
                "Attribute": [
                  {"uuid": "5b0b4bd1-1111-4f2d-9a57-3c7a2b0c9e10", "type": "ip-dst", "value": "203.0.113.7", "to_ids": true},
                  {"uuid": "5b0b4bd1-2222-4f2d-9a57-3c7a2b0c9e10", "type": "domain|ip", "value": "evil.example.com|203.0.113.7", "to_ids": true}
                ]
              }
            }""";

    private static final String DESCRIPTION = "A MISP event ({\"Event\": {...}}, as in MISP feeds) or a list of "
            + "them ({\"response\": [...]}), converted by the table in docs/misp-mapping.md and published as a batch. "
            + "The answer reports every attribute and object: accepted (with its entity IDs), rejected (why), "
            + "unavailable (send it again) or not-mapped (why). 202 when anything was published, 400 when nothing "
            + "valid maps, 503 when the broker took nothing.";

    private final IntakeService intake;
    private final CallerResolver callers;
    private final ObjectMapper json;
    private final MispMapper mapper = new MispMapper();
    private final Duration retryAfter;

    public MispResource(IntakeService intake, CallerResolver callers, ObjectMapper json, IngestConfig config) {
        this.intake = intake;
        this.callers = callers;
        this.json = json;
        this.retryAfter = config.publish().retryAfter();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORTER)
    @Operation(operationId = "ingestMispEvents", summary = "Ingest MISP events", description = DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "one event", value = EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Something was published: the broker holds it.", content = @Content(schema = @Schema(implementation = IntakeResponse.class)))
    @APIResponse(responseCode = "200", description = "Dry run: what would be published; nothing was.", content = @Content(schema = @Schema(implementation = IntakeResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a MISP event, or nothing maps to a valid entity.", content = @Content(schema = @Schema(implementation = IntakeResponse.class)))
    @APIResponse(responseCode = "403", description = "Missing role `reporter`.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "The broker took nothing; retry.", content = @Content(schema = @Schema(implementation = IntakeResponse.class)))
    public Uni<Response> events(RoutingContext routing,
            @Parameter(description = DryRun.DESCRIPTION) @QueryParam("dryRun") String dryRun,
            @Parameter(description = EntityResource.REFANG) @QueryParam("refang") String refang,
            @Parameter(description = ScreenParam.DESCRIPTION) @QueryParam("screen") String screen) {
        boolean dry = DryRun.requested(dryRun);
        IntakeOptions options = new IntakeOptions(dry, BooleanQueryParam.parse("refang", refang), List.of(), null,
                callers.screen(screen));
        Caller caller = callers.current();
        return intake.receive(() -> IntakeDocuments.read(routing, json, "a MISP event"), mapper::map, caller, options,
                received -> IntakeAnswers.answer(received.report(), dry, retryAfter, json));
    }
}
