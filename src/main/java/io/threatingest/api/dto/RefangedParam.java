package io.threatingest.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One value that {@code refang=true} rewrote before validation. */
@Schema(name = "Refanged", description = "A value that was defanged and has been refanged before validation.")
public record RefangedParam(
        @Schema(description = "JSON pointer of the attribute in the request body.", examples = "/associations/0/attributes/url") String param,
        @Schema(description = "The value as sent.", examples = "hxxp://evil[.]example[.]com/a") String from,
        @Schema(description = "The refanged value, as handed to validation (before normalisation).", examples = "http://evil.example.com/a") String to) {
}
