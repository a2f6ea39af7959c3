package io.threatingest.taxii;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorKind;
import io.threatingest.security.Roles;
import io.vertx.core.http.HttpServerRequest;

/** TAXII 2.1 discovery, the one API root, and its collections. Every caller may read them. */
@Path("/taxii2")
@Tag(name = "TAXII")
@Produces(TaxiiMedia.TAXII)
@Authenticated
public class TaxiiResource {

    private final IngestConfig.Taxii config;
    private final long maxContentLength;
    private final TaxiiCollections collections;
    private final SecurityIdentity identity;

    public TaxiiResource(IngestConfig config, TaxiiCollections collections, SecurityIdentity identity) {
        this.config = config.taxii();
        this.maxContentLength = config.limits().maxBodySize().asLongValue();
        this.collections = collections;
        this.identity = identity;
    }

    @GET
    @Path("/")
    @Operation(operationId = "taxiiDiscovery", summary = "TAXII discovery", description = "The server and its one "
            + "API root, as absolute URLs built from the request (behind a proxy: from its forwarded headers, "
            + "when quarkus.http.proxy.* trusts them).")
    @APIResponse(responseCode = "200", description = "The discovery resource.", content = @Content(mediaType = TaxiiMedia.TAXII, schema = @Schema(implementation = Discovery.class)))
    @APIResponse(responseCode = "404", description = "No such TAXII resource.", content = @Content(mediaType = TaxiiMedia.TAXII, schema = @Schema(implementation = TaxiiError.class)))
    public Uni<Response> discovery(@Context HttpServerRequest request) {
        String root = base(request) + "/taxii2/" + config.apiRoot() + "/";
        return Uni.createFrom().item(TaxiiMedia.ok(new Discovery(config.title(), config.description().orElse(null),
                config.contact().orElse(null), root, List.of(root))));
    }

    @GET
    @Path("/{root}/")
    @Operation(operationId = "taxiiApiRoot", summary = "The TAXII API root", description = "Its versions and the "
            + "largest request body it takes (ingest.limits.max-body-size).")
    @APIResponse(responseCode = "200", description = "The API root resource.", content = @Content(mediaType = TaxiiMedia.TAXII, schema = @Schema(implementation = ApiRootInfo.class)))
    @APIResponse(responseCode = "404", description = "No such API root.", content = @Content(mediaType = TaxiiMedia.TAXII, schema = @Schema(implementation = TaxiiError.class)))
    public Uni<Response> apiRoot(@PathParam("root") String root) {
        requireRoot(root, config);
        return Uni.createFrom().item(TaxiiMedia.ok(new ApiRootInfo(config.rootTitle(),
                config.rootDescription().orElse(null), List.of(TaxiiMedia.TAXII), maxContentLength)));
    }

    @GET
    @Path("/{root}/collections/")
    @Operation(operationId = "taxiiCollections", summary = "The TAXII collections", description = "The collections "
            + "the operator configured. None can be read; a caller with the role reporter can write to all.")
    @APIResponse(responseCode = "200", description = "The collections resource.", content = @Content(mediaType = TaxiiMedia.TAXII, schema = @Schema(implementation = CollectionInfo.Listing.class)))
    @APIResponse(responseCode = "404", description = "No such API root.", content = @Content(mediaType = TaxiiMedia.TAXII, schema = @Schema(implementation = TaxiiError.class)))
    public Uni<Response> collections(@PathParam("root") String root) {
        requireRoot(root, config);
        return Uni.createFrom().item(TaxiiMedia.ok(new CollectionInfo.Listing(collections.all().stream().map(this::info)
                .toList())));
    }

    @GET
    @Path("/{root}/collections/{id}/")
    @Operation(operationId = "taxiiCollection", summary = "A TAXII collection")
    @APIResponse(responseCode = "200", description = "The collection.", content = @Content(mediaType = TaxiiMedia.TAXII, schema = @Schema(implementation = CollectionInfo.class)))
    @APIResponse(responseCode = "404", description = "No such API root or collection.", content = @Content(mediaType = TaxiiMedia.TAXII, schema = @Schema(implementation = TaxiiError.class)))
    public Uni<Response> collection(@PathParam("root") String root, @PathParam("id") String id) {
        return Uni.createFrom().item(TaxiiMedia.ok(info(requireCollection(root, id, config, collections))));
    }

    private CollectionInfo info(TaxiiCollections.Collection collection) {
        boolean canWrite = identity.hasRole(Roles.REPORTER) || identity.hasRole(Roles.ADMIN);
        return new CollectionInfo(collection.id(), collection.title(), collection.description(), false, canWrite,
                List.of(TaxiiMedia.STIX));
    }

    /** Scheme and authority as the client sees them (with a path prefix a proxy forwarded), without the path. */
    static String base(HttpServerRequest request) {
        String uri = request.absoluteURI();
        int at = uri.lastIndexOf("/taxii2");
        return at < 0 ? uri : uri.substring(0, at);
    }

    static void requireRoot(String root, IngestConfig.Taxii config) {
        if (!config.apiRoot().equals(root)) {
            throw new ApiException(ErrorKind.NOT_FOUND, "no TAXII API root " + root, null);
        }
    }

    static TaxiiCollections.Collection requireCollection(String root, String id, IngestConfig.Taxii config,
            TaxiiCollections collections) {
        requireRoot(root, config);
        return collections.find(id)
                .orElseThrow(() -> new ApiException(ErrorKind.NOT_FOUND, "no TAXII collection " + id, null));
    }
}
