package io.threatingest.taxii;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;
import io.threatingest.http.CallerResolver;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorKind;
import io.threatingest.security.Roles;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * The objects of a collection: they can be added (the write side of TAXII), never read. The read endpoints answer
 * 403 so that a client learns that at once.
 */
@Path("/taxii2/{root}/collections/{id}")
@Tag(name = "TAXII")
@Produces(TaxiiMedia.TAXII)
public class TaxiiObjectsResource {

    static final String EXAMPLE = """
            {
              "objects": [
                {"type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd",
                 "value": "203.0.113.9"},
                {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                 "created": "2024-05-01T10:00:00.000Z", "modified": "2024-05-01T10:00:00.000Z",
                 "pattern": "[domain-name:value = 'evil.example.com']", "pattern_type": "stix",
                 "valid_from": "2024-05-01T10:00:00Z"}
              ]
            }""";

    private final IngestConfig.Taxii config;
    private final TaxiiCollections collections;
    private final TaxiiIntake intake;
    private final CallerResolver callers;

    public TaxiiObjectsResource(IngestConfig config, TaxiiCollections collections, TaxiiIntake intake,
            CallerResolver callers) {
        this.config = config.taxii();
        this.collections = collections;
        this.intake = intake;
        this.callers = callers;
    }

    @POST
    @Path("/objects/")
    @Consumes(TaxiiMedia.TAXII)
    @RolesAllowed(Roles.REPORTER)
    @Operation(operationId = "taxiiAddObjects", summary = "Add objects to a TAXII collection", description = "STIX "
            + "2.1 objects in a TAXII envelope, mapped to entities (docs/stix-mapping.md) with the collection's tags "
            + "and groups, and published as POST /batch does. Answered once the broker holds what was accepted, "
            + "with a complete status: every object a success, or a failure with the reason (invalid, not mapped, "
            + "or not taken by the broker: send it again). 503 when the broker took none of the valid objects.")
    @RequestBody(required = true, content = @Content(mediaType = TaxiiMedia.TAXII, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, description = "A TAXII envelope: {\"objects\": [...]}"), examples = @ExampleObject(name = "an address and an indicator", value = EXAMPLE)))
    @APIResponse(responseCode = "202", description = "The status of the request, complete.", content = @Content(mediaType = TaxiiMedia.TAXII, schema = @Schema(implementation = TaxiiStatus.class)))
    @APIResponse(responseCode = "400", description = "Not a TAXII envelope, or malformed JSON.", content = @Content(mediaType = TaxiiMedia.TAXII, schema = @Schema(implementation = TaxiiError.class)))
    @APIResponse(responseCode = "403", description = "Missing role `reporter`.", content = @Content(mediaType = TaxiiMedia.TAXII, schema = @Schema(implementation = TaxiiError.class)))
    @APIResponse(responseCode = "404", description = "No such API root or collection.", content = @Content(mediaType = TaxiiMedia.TAXII, schema = @Schema(implementation = TaxiiError.class)))
    public Uni<Response> add(RoutingContext routing, @PathParam("root") String root, @PathParam("id") String id,
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "false: skip screening "
                    + "(only for a caller with the role `unscreened`; 403 otherwise). Default true.") @jakarta.ws.rs.QueryParam("screen") String screen) {
        TaxiiCollections.Collection collection = TaxiiResource.requireCollection(root, id, config, collections);
        Buffer body = routing.body().buffer();
        boolean screened = callers.screen(screen);
        return intake.add(body == null ? null : body.getBytes(), collection, callers.current(), screened)
                .map(status -> Response.accepted(status).type(TaxiiMedia.TAXII).build());
    }

    // The read side exists only to refuse in TAXII's terms (403, can_read is false); it stays out of the OpenAPI
    // document, where every operation has a success answer.
    @GET
    @Path("/objects/")
    @Authenticated
    @Operation(hidden = true)
    public Uni<Response> objects(@PathParam("root") String root, @PathParam("id") String id) {
        return unreadable(root, id);
    }

    @GET
    @Path("/manifest/")
    @Authenticated
    @Operation(hidden = true)
    public Uni<Response> manifest(@PathParam("root") String root, @PathParam("id") String id) {
        return unreadable(root, id);
    }

    @GET
    @Path("/objects/{objectId}/")
    @Authenticated
    @Operation(hidden = true)
    public Uni<Response> object(@PathParam("root") String root, @PathParam("id") String id,
            @PathParam("objectId") String objectId) {
        return unreadable(root, id);
    }

    @GET
    @Path("/objects/{objectId}/versions/")
    @Authenticated
    @Operation(hidden = true)
    public Uni<Response> versions(@PathParam("root") String root, @PathParam("id") String id,
            @PathParam("objectId") String objectId) {
        return unreadable(root, id);
    }

    private Uni<Response> unreadable(String root, String id) {
        TaxiiResource.requireCollection(root, id, config, collections);
        throw new ApiException(ErrorKind.FORBIDDEN, "collections cannot be read here: this server only takes objects "
                + "(can_read is false)", null);
    }
}
