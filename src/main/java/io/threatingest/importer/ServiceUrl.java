package io.threatingest.importer;

import java.net.URI;

/** Checks {@code --url}: an http(s) URL with a host and no credentials, given without its trailing slash. */
final class ServiceUrl {

    private ServiceUrl() {
    }

    static URI parse(String url) throws ImportOptions.UsageException {
        if (url == null || url.isBlank()) {
            throw new ImportOptions.UsageException(
                    "--url is required (the service, e.g. https://ingest.example.org)");
        }
        URI base;
        try {
            base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new ImportOptions.UsageException("--url is not a valid URL");
        }
        if (base.getScheme() == null || !(base.getScheme().equalsIgnoreCase("http")
                || base.getScheme().equalsIgnoreCase("https")) || base.getHost() == null) {
            throw new ImportOptions.UsageException("--url must be an http:// or https:// URL");
        }
        if (base.getUserInfo() != null) {
            throw new ImportOptions.UsageException(
                    "--url must not hold credentials; use --token or --api-key/--api-secret");
        }
        return base;
    }
}
