package io.threatingest.api;

import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The two ways to authenticate, as OpenAPI security schemes. Generated clients send one of them: a Bearer
 * JWT, or the {@code api-key} header together with the {@code api-secret} header.
 */
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = OpenApiSecurity.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
                bearerFormat = "JWT", description = "A signed JWT (RS256 or ES256) from the configured issuer."),
        @SecurityScheme(securitySchemeName = OpenApiSecurity.API_KEY, type = SecuritySchemeType.APIKEY,
                apiKeyName = "api-key", in = SecuritySchemeIn.HEADER,
                description = "The key id; send its secret in the `api-secret` header."),
        @SecurityScheme(securitySchemeName = OpenApiSecurity.API_SECRET, type = SecuritySchemeType.APIKEY,
                apiKeyName = "api-secret", in = SecuritySchemeIn.HEADER, description = "The secret of the key.") })
public final class OpenApiSecurity {

    public static final String BEARER = "bearer";
    public static final String API_KEY = "apiKey";
    public static final String API_SECRET = "apiSecret";

    private OpenApiSecurity() {
    }
}
