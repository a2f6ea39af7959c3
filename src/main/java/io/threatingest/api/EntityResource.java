package io.threatingest.api;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.threatingest.api.dto.AcknowledgedResponse;
import io.threatingest.api.dto.DryRunResponse;
import io.threatingest.api.dto.EntityRequest;
import io.threatingest.api.dto.RefangedParam;
import io.threatingest.api.dto.ScreenedParam;
import io.threatingest.domain.EntitySubmission;
import io.threatingest.domain.FlatSubmission;
import io.threatingest.domain.RefangedValue;
import io.threatingest.http.BooleanQueryParam;
import io.threatingest.http.CallerResolver;
import io.threatingest.http.error.ErrorBody;
import io.threatingest.security.Roles;
import io.threatingest.service.Caller;
import io.threatingest.service.CheckedSubmission;
import io.threatingest.service.IngestResult;
import io.threatingest.service.IngestService;

@Path("/api/ingest/v1")
@Tag(name = "Entities")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EntityResource {

    static final String EXAMPLE = """
            {
              "type": "ip",
              "attributes": {
                "ip": "203.0.113.1",
                "text": "Seen brute-forcing SSH",
                "value": "honeypot-eu-1"
              },
              "reputation": -1,
              "tags": ["ssh", "bruteforce"],
              "visibleBy": ["public"]
            }""";

    static final String WELL_KNOWN_EXAMPLE = """
            {
              "type": "domain",
              "attributes": {"domain": "example.com", "whois-registrar": "Example Registrar, Inc."}
            }""";

    static final String DRY_RUN = "Validate only: publish nothing, answer 200 with normalised values.";
    static final String REFANG = "Restore defanged indicators (hxxp://, [.], [at], ...) in IP, CIDR, domain, URL "
            + "and email values before validation, and list each change in `refanged` (docs/refanging.md).";

    private final IngestService ingest;
    private final CallerResolver callers;

    public EntityResource(IngestService ingest, CallerResolver callers) {
        this.ingest = ingest;
        this.callers = callers;
    }

    @POST
    @Path("/entity")
    @RolesAllowed(Roles.REPORTER)
    @Operation(operationId = "ingestEntity", summary = "Ingest an entity", description = "Validates and normalises every value of the entity "
            + "tree, computes each entity's ID and publishes the submission as one event. 202 means the broker "
            + "holds it. With dryRun=true nothing is published and the answer (200) shows the normalised values. "
            + "With refang=true defanged indicators (hxxp://, [.], [at], ...) are restored first and listed in "
            + "`refanged`.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EntityRequest.class), examples = @ExampleObject(name = "ip", value = EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Acknowledged: the broker holds the submission.", content = @Content(schema = @Schema(implementation = AcknowledgedResponse.class)))
    @APIResponse(responseCode = "200", description = "Dry run: valid, nothing published.", content = @Content(schema = @Schema(implementation = DryRunResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid JSON, an invalid value (`param` points at it) or an "
            + "invalid query parameter.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "Missing role `reporter`, a `visibleBy` group the caller "
            + "may not name, or screen=false without the role `unscreened`.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "422", description = "A value is on a screening list whose action is refuse; "
            + "`x-error` names the list.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Response> insert(EntityRequest body,
            @Parameter(description = DRY_RUN) @QueryParam("dryRun") String dryRun,
            @Parameter(description = REFANG) @QueryParam("refang") String refang,
            @Parameter(description = ScreenParam.DESCRIPTION) @QueryParam("screen") String screen) {
        return answer(body, dryRun, refang, screen, false);
    }

    @POST
    @Path("/well-known")
    @RolesAllowed(Roles.TRUSTED)
    @Operation(operationId = "ingestWellKnownEntity", summary = "Ingest a well-known entity", description = "A trusted entity that must never be rated "
            + "negatively: same value rules as POST /entity, one entity without associations or correlation, "
            + "reputation 0 or more. Its event carries wellKnown: true. dryRun and refang work as on POST /entity.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EntityRequest.class), examples = @ExampleObject(name = "domain", value = WELL_KNOWN_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Acknowledged: the broker holds the submission.", content = @Content(schema = @Schema(implementation = AcknowledgedResponse.class)))
    @APIResponse(responseCode = "200", description = "Dry run: valid, nothing published.", content = @Content(schema = @Schema(implementation = DryRunResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid entity or query parameter.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "Missing role `trusted`.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Response> insertWellKnown(EntityRequest body,
            @Parameter(description = DRY_RUN) @QueryParam("dryRun") String dryRun,
            @Parameter(description = REFANG) @QueryParam("refang") String refang) {
        return answer(body, dryRun, refang, null, true);
    }

    private Uni<Response> answer(EntityRequest body, String dryRun, String refang, String screen,
            boolean wellKnown) {
        EntitySubmission submission = SubmissionMapper.toDomain(RequestBodies.required(body));
        Caller caller = callers.current();
        boolean refangRequested = BooleanQueryParam.parse("refang", refang);
        boolean screened = wellKnown || callers.screen(screen);
        if (BooleanQueryParam.parse("dryRun", dryRun)) {
            CheckedSubmission checked = wellKnown
                    ? ingest.checkWellKnown(submission, caller, refangRequested)
                    : ingest.check(submission, caller, refangRequested, screened);
            return Uni.createFrom().item(Response.ok(dryRunResponse(checked)).build());
        }
        return (wellKnown
                ? ingest.ingestWellKnown(submission, caller, refangRequested)
                : ingest.ingest(submission, caller, refangRequested, screened))
                .map(result -> Response.accepted(acknowledged(result)).build());
    }

    static AcknowledgedResponse acknowledged(IngestResult result) {
        FlatSubmission flat = result.submission();
        return new AcknowledgedResponse(AcknowledgedResponse.ACKNOWLEDGED, result.submissionId(), flat.root().id(),
                flat.distinctIds(), refanged(result.refanged()), ScreenedParam.of(flat.screened()));
    }

    static DryRunResponse dryRunResponse(CheckedSubmission checked) {
        FlatSubmission flat = checked.submission();
        List<DryRunResponse.EntityPreview> previews = flat.entities().stream()
                .map(e -> new DryRunResponse.EntityPreview(e.id(), e.type(), e.value().value()))
                .distinct()
                .toList();
        return new DryRunResponse(AcknowledgedResponse.ACKNOWLEDGED, flat.root().id(), flat.distinctIds(), previews,
                refanged(checked.refanged()), ScreenedParam.of(flat.screened()));
    }

    static List<RefangedParam> refanged(List<RefangedValue> changes) {
        return changes == null
                ? null
                : changes.stream().map(c -> new RefangedParam(c.param(), c.from(), c.to())).toList();
    }
}
