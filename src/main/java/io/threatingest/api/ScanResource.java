package io.threatingest.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import io.threatingest.api.dto.ScanRequest;
import io.threatingest.api.dto.ScanResponse;
import io.threatingest.api.dto.ScanTaskDetails;
import io.threatingest.http.CallerResolver;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorBody;
import io.threatingest.http.error.ErrorKind;
import io.threatingest.scan.ScanService;
import io.threatingest.scan.ScanTask;
import io.threatingest.security.Roles;

@Path("/api/ingest/v1")
@Tag(name = "Scans")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {

    static final String EXAMPLE = """
            {
              "target": "example.org",
              "webhook": {
                "url": "https://hooks.example.net/scans",
                "headers": [{"key": "Authorization", "value": "Bearer <receiver token>"}]
              }
            }""";

    private final ScanService scans;
    private final CallerResolver callers;

    public ScanResource(ScanService scans, CallerResolver callers) {
        this.scans = scans;
        this.callers = callers;
    }

    @POST
    @Path("/scan")
    @RolesAllowed(Roles.REPORTER)
    @Operation(operationId = "scheduleScan", summary = "Schedule a scan", description = "One task per target (normalised by the IP or FQDN "
            + "rules): while it is unfinished, or finished less than the reuse window ago, the same task is "
            + "returned with 200. Otherwise a task is created (202, status new) and sent to the scanners.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ScanRequest.class), examples = @ExampleObject(name = "domain with webhook", value = EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Task created.", content = @Content(schema = @Schema(implementation = ScanResponse.class)))
    @APIResponse(responseCode = "200", description = "An existing task for this target.", content = @Content(schema = @Schema(implementation = ScanResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid target or webhook.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "Missing role `reporter`.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Response> scan(ScanRequest body,
            @Parameter(description = "Not supported: a scan cannot be tried without creating its task; "
                    + "dryRun=true is answered 400.") @QueryParam("dryRun") String dryRun) {
        DryRun.refuse(dryRun, "a scan creates its task");
        ScanRequest request = RequestBodies.required(body);
        if (request.type() != null && !request.type().equals("ip") && !request.type().equals("fqdn")) {
            throw new ApiException(ErrorKind.INVALID_REQUEST, "type must be ip or fqdn", "/type");
        }
        return scans.submit(request.target(), request.type(), webhook(request.webhook()), callers.current())
                .map(outcome -> Response.status(outcome.created() ? 202 : 200)
                        .entity(new ScanResponse(outcome.task().id(), outcome.task().status().wireName())).build());
    }

    @GET
    @Path("/scan/{taskId}")
    @RolesAllowed(Roles.REPORTER)
    @Operation(operationId = "getScan", summary = "Read a scan task", description = "The task with its status and "
            + "timestamps and how its webhook ended, from any replica. Tasks are kept for the retention while "
            + "unfinished and for the reuse window once done.")
    @APIResponse(responseCode = "200", description = "The task.", content = @Content(schema = @Schema(implementation = ScanTaskDetails.class)))
    @APIResponse(responseCode = "400", description = "The task id is not a UUID.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "Missing role `reporter`.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such task, or it has expired.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<ScanTaskDetails> get(@PathParam("taskId") String taskId) {
        try {
            java.util.UUID.fromString(taskId);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorKind.INVALID_REQUEST, "taskId must be a UUID", "");
        }
        return scans.get(taskId).map(task -> task.map(ScanResource::details)
                .orElseThrow(() -> new ApiException(ErrorKind.NOT_FOUND, "no scan task " + taskId
                        + " (unknown, or expired)", null)));
    }

    private static ScanTaskDetails details(ScanTask task) {
        return new ScanTaskDetails(task.id(), task.target(), task.targetKind(), task.status().wireName(),
                time(task.createdAt()), time(task.updatedAt()), time(task.finishedAt()),
                task.webhookState() == ScanTask.WebhookState.NONE
                        ? null
                        : new ScanTaskDetails.WebhookOutcome(task.webhookState().wireName()));
    }

    private static String time(java.time.Instant instant) {
        return instant == null ? null : java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static ScanTask.Webhook webhook(ScanRequest.Webhook webhook) {
        if (webhook == null) {
            return null;
        }
        List<ScanTask.Header> headers = webhook.headers() == null
                ? List.of()
                : webhook.headers().stream()
                        .map(h -> h == null ? new ScanTask.Header(null, null) : new ScanTask.Header(h.key(), h.value()))
                        .toList();
        return new ScanTask.Webhook(webhook.url(), headers);
    }
}
