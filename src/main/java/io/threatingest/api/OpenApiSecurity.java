package io.threatingest.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * API-wide OpenAPI metadata, among it the two ways to authenticate. Generated clients send one of them: a
 * Bearer JWT, or the {@code api-key} header together with the {@code api-secret} header.
 */
@OpenAPIDefinition(
        securitySets = {
                @SecurityRequirementsSet(@SecurityRequirement(name = OpenApiSecurity.BEARER)),
                @SecurityRequirementsSet({ @SecurityRequirement(name = OpenApiSecurity.API_KEY),
                        @SecurityRequirement(name = OpenApiSecurity.API_SECRET) }) },
        info = @Info(title = "threat-ingest", version = "1", description = "Ingest API for threat-intelligence "
                + "entities. Every call needs a Bearer token, or the api-key and api-secret headers together."),
        components = @Components(securitySchemes = {
                @SecurityScheme(securitySchemeName = OpenApiSecurity.BEARER, type = SecuritySchemeType.HTTP,
                        scheme = "bearer", bearerFormat = "JWT",
                        description = "A signed JWT (RS256 or ES256) from the configured issuer."),
                @SecurityScheme(securitySchemeName = OpenApiSecurity.API_KEY, type = SecuritySchemeType.APIKEY,
                        apiKeyName = "api-key", in = SecuritySchemeIn.HEADER,
                        description = "The key id; send its secret in the api-secret header."),
                @SecurityScheme(securitySchemeName = OpenApiSecurity.API_SECRET, type = SecuritySchemeType.APIKEY,
                        apiKeyName = "api-secret", in = SecuritySchemeIn.HEADER,
                        description = "The secret of the key.") }))
public class OpenApiSecurity extends Application {

    public static final String BEARER = "bearer";
    public static final String API_KEY = "apiKey";
    public static final String API_SECRET = "apiSecret";
}
