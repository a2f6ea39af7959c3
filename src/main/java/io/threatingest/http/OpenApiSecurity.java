package io.threatingest.http;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * API-wide OpenAPI metadata: the licence, the server (relative: the document is served by the service it
 * describes), the tags, and the two ways to authenticate. Generated clients send one of them: a
 * Bearer JWT, or the {@code api-key} header together with the {@code api-secret} header.
 */
@OpenAPIDefinition(securitySets = {
        @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiSecurity.BEARER)),
        @SecurityRequirementsSet({ @SecurityRequirement(name = OpenApiSecurity.API_KEY),
                @SecurityRequirement(name = OpenApiSecurity.API_SECRET) }) }, info = @Info(title = "threat-ingest", version = "1", description = "Ingest API for threat-intelligence "
                        + "entities. Every call needs a Bearer token, or the api-key and api-secret headers together.", license = @License(name = "Apache-2.0", identifier = "Apache-2.0")), servers = @Server(url = "/", description = "The service that serves this document."), tags = {
                                @Tag(name = "Entities", description = "Submit entities (threat indicators) with their attributes and "
                                        + "nested associations; each is validated, normalised and given its reference ID."),
                                @Tag(name = "Intelligence documents", description = "Submit intelligence as the field writes it: "
                                        + "STIX 2.1 bundles, MISP events, free text; reported object by object."),
                                @Tag(name = "Associations", description = "Link two entities already known by ID or by type and "
                                        + "value."),
                                @Tag(name = "Comments", description = "Comment on an entity."),
                                @Tag(name = "Scans", description = "Ask for an IP address or a domain to be scanned, with an optional "
                                        + "webhook called when the scan is done."),
                                @Tag(name = "Definitions", description = "The catalogue of entity types and their data types."),
                                @Tag(name = "TAXII", description = "TAXII 2.1, write side: STIX 2.1 objects added to the configured "
                                        + "collections become entities; statuses can be polled. Also takes the api-key pair as HTTP Basic.") }, components = @Components(securitySchemes = {
                                                @SecurityScheme(securitySchemeName = OpenApiSecurity.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT", description = "A signed JWT (RS256 or ES256) from the configured issuer."),
                                                @SecurityScheme(securitySchemeName = OpenApiSecurity.API_KEY, type = SecuritySchemeType.APIKEY, apiKeyName = "api-key", in = SecuritySchemeIn.HEADER, description = "The key id; send its secret in the api-secret header."),
                                                @SecurityScheme(securitySchemeName = OpenApiSecurity.API_SECRET, type = SecuritySchemeType.APIKEY, apiKeyName = "api-secret", in = SecuritySchemeIn.HEADER, description = "The secret of the key.") }))
public class OpenApiSecurity extends Application {

    public static final String BEARER = "bearer";
    public static final String API_KEY = "apiKey";
    public static final String API_SECRET = "apiSecret";
}
