package io.threatingest.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.threatingest.api.dto.Definition;
import io.threatingest.domain.Catalogue;
import io.threatingest.domain.EntityType;
import io.threatingest.http.error.ErrorBody;
import io.threatingest.security.Roles;

@Path("/api/ingest/v1")
@Tag(name = "Definitions")
public class DefinitionsResource {

    /** The whole answer, serialised once: the catalogue never changes while the service runs. */
    private final byte[] body;
    private final String etag;

    public DefinitionsResource(ObjectMapper json) throws JsonProcessingException {
        List<Definition> definitions = new ArrayList<>();
        for (EntityType type : Catalogue.types()) {
            definitions.add(definition(type, 0));
        }
        this.body = json.writeValueAsBytes(definitions);
        this.etag = "\"" + sha256Hex(body).substring(0, 32) + "\"";
    }

    @GET
    @Path("/definitions")
    @RolesAllowed(Roles.TRUSTED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDefinitions", summary = "The entity type catalogue", description = "All entity types in catalogue order, each "
            + "with its data type and its usual attributes and associations as complete nested definitions. "
            + "Send If-None-Match with the ETag to get 304 when nothing changed.")
    @APIResponse(responseCode = "200", description = "The catalogue.", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Definition.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given.")
    @APIResponse(responseCode = "403", description = "Missing role `trusted`.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response definitions(@HeaderParam("If-None-Match") String ifNoneMatch) {
        if (matches(ifNoneMatch)) {
            return Response.notModified().header("ETag", etag).build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("ETag", etag)
                .header("Cache-Control", "private, no-cache").build();
    }

    /** If-None-Match: "*", or a list of tags, weak or strong (weak comparison, as RFC 9110 asks for GET). */
    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** A complete definition; the depth guard only protects against a cycle in the catalogue (there is none). */
    private static Definition definition(EntityType type, int depth) {
        if (depth > Catalogue.types().size()) {
            throw new IllegalStateException("cycle in the catalogue at " + type.name());
        }
        return new Definition(type.name(), type.description(), type.dataType().label(),
                CatalogueExamples.of(type.name()), nested(type.attributes(), depth), nested(type.associations(), depth),
                type.tags(), type.correlate(), type.label());
    }

    private static List<Definition> nested(List<String> names, int depth) {
        List<Definition> out = new ArrayList<>();
        for (String name : names) {
            out.add(definition(Catalogue.find(name), depth + 1));
        }
        return out;
    }

    private static String sha256Hex(byte[] bytes) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] hash = new byte[32];
        digest.doFinal(hash, 0);
        return java.util.HexFormat.of().formatHex(hash);
    }

    /**
     * Example entities, for the types the catalogue gives one: a file (digests of the text
     * "threat-ingest example file") and a malware, each with its recommended correlation.
     */
    static final class CatalogueExamples {

        private CatalogueExamples() {
        }

        static Map<String, Object> of(String type) {
            return switch (type) {
                case "file" -> entity("file", attributes(
                        "file", "b7adb93d0464dca626dfb16d5caa58c8",
                        "md5", "b7adb93d0464dca626dfb16d5caa58c8",
                        "sha1", "5be06167172280f0046d85b2f3b2b1fd7b35cfb4",
                        "sha256", "c3fd4f838f8e45a6d10ca6527431fa0db779bea3d082d0ec2c781718420ac8c6",
                        "sha3-256", "6e58170b653936d573c02ba2a35ceac228a5039e8395c78b0c4f5497fb8811df"),
                        List.of("md5", "sha1", "sha256", "sha3-256"), List.of("malware"));
                case "malware" -> entity("malware", attributes(
                        "malware", "emotet", "malware-family", "emotet", "malware-type", "loader"),
                        List.of("malware-family", "malware-type"), List.of());
                default -> null;
            };
        }

        private static Map<String, Object> entity(String type, Map<String, Object> attributes, List<String> correlate,
                List<String> tags) {
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("type", type);
            entity.put("attributes", attributes);
            entity.put("reputation", -3);
            entity.put("correlate", correlate);
            if (!tags.isEmpty()) {
                entity.put("tags", tags);
            }
            return entity;
        }

        private static Map<String, Object> attributes(String... keyValues) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                attributes.put(keyValues[i], keyValues[i + 1]);
            }
            return attributes;
        }
    }
}
