package io.threatingest.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /scan}. */
@Schema(name = "Scan")
public record ScanRequest(
        @Schema(required = true, description = "A public IP address or a domain name.", examples = "example.org") String target,
        @Schema(description = "What the target is, when the client says so: `ip` or `fqdn`; it must match the "
                + "target.", enumeration = {
                        "ip", "fqdn" }) String type,
        @Schema(description = "Called once (POST, JSON) when the scan is done.") Webhook webhook){

    @Schema(name = "Webhook")
    public record Webhook(
            @Schema(required = true, description = "https URL (http only if the operator allows it); must not "
                    + "resolve to private, loopback, link-local or metadata addresses.") String url,
            @Schema(description = "Headers to send, for example an authorization for the receiver.") List<Header> headers) {
    }

    @Schema(name = "WebhookHeader")
    public record Header(String key, String value) {
    }
}
