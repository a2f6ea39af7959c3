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
import io.threatingest.api.dto.CommentRequest;
import io.threatingest.api.dto.CommentResponse;
import io.threatingest.api.dto.ScreenedParam;
import io.threatingest.http.CallerResolver;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorBody;
import io.threatingest.http.error.ErrorKind;
import io.threatingest.security.Roles;
import io.threatingest.service.CommentService;

@Path("/api/ingest/v1")
@Tag(name = "Comments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CommentResource {

    static final String EXAMPLE = """
            {
              "entityID": "ip-ba7fa36bff8d58ee45b973615e83d9aaeb921f1cc477d9c156e8a9cae8cca16e",
              "comment": "Seen in the March phishing wave; sinkholed since.",
              "visibleBy": ["public"]
            }""";

    private final CommentService comments;
    private final CallerResolver callers;

    public CommentResource(CommentService comments, CallerResolver callers) {
        this.comments = comments;
        this.callers = callers;
    }

    @POST
    @Path("/comment")
    @RolesAllowed(Roles.REPORTER)
    @Operation(operationId = "commentOnEntity", summary = "Comment on an entity", description = "The entity by ID or by {type, value}. The "
            + "answer carries the comment's id (UUID version 7).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CommentRequest.class), examples = @ExampleObject(name = "comment", value = EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Acknowledged, with the comment's id; without it when a screening list drops the entity (nothing published).", content = @Content(schema = @Schema(implementation = CommentResponse.class)))
    @APIResponse(responseCode = "200", description = "Dry run: valid, nothing published (no id).", content = @Content(schema = @Schema(implementation = CommentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid entity, comment or parentID.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "Missing role `reporter`, a visibleBy group not allowed, or screen=false without the role `unscreened`.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "422", description = "The entity given by {type, value} is on a screening list whose action is refuse.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Response> comment(CommentRequest body,
            @Parameter(description = DryRun.DESCRIPTION) @QueryParam("dryRun") String dryRun,
            @Parameter(description = ScreenParam.DESCRIPTION) @QueryParam("screen") String screen) {
        CommentRequest request = RequestBodies.required(body);
        boolean validateOnly = DryRun.requested(dryRun);
        boolean screened = callers.screen(screen);
        return comments.comment(oneOf(request.entityID(), request.entityId(), "entityID", "entityId"),
                RequestBodies.ref(request.entity()), oneOf(request.comment(), request.content(), "comment", "content"),
                oneOf(request.parentID(), request.parentId(), "parentID", "parentId"), request.visibleBy(),
                callers.current(), validateOnly, screened)
                .map(commented -> DryRun.answer(validateOnly,
                        new CommentResponse(AcknowledgedResponse.ACKNOWLEDGED, commented.id(), commented.entityID(),
                                ScreenedParam.of(commented.screened()))));
    }

    /** The documented field or its other spelling, not both. */
    private static String oneOf(String documented, String other, String documentedName, String otherName) {
        if (documented != null && other != null) {
            throw new ApiException(ErrorKind.INVALID_REQUEST, "give " + documentedName + " or " + otherName
                    + ", not both", "/" + otherName);
        }
        return documented != null ? documented : other;
    }
}
