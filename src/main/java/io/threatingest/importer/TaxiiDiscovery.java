package io.threatingest.importer;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finds the collection's objects endpoint under the API root: {@code --api-root} (a URL, or a segment under
 * {@code <url>/taxii2/}), else the {@code default} of the discovery resource {@code GET <url>/taxii2/}.
 */
final class TaxiiDiscovery {

    private TaxiiDiscovery() {
    }

    static URI objectsEndpoint(ImportOptions options, Sender http, ObjectMapper json)
            throws Sender.Unreachable, InterruptedException, ImportOptions.UsageException {
        String root = options.apiRoot();
        if (root == null) {
            root = discoveredRoot(options.url(), http, json);
        } else if (!root.matches("(?i)https?://.+")) {
            root = options.url() + "/taxii2/" + root.replace("/", "") + "/";
        }
        try {
            URI api = URI.create(root.endsWith("/") ? root : root + "/");
            return api.resolve("collections/" + options.collection() + "/objects/");
        } catch (IllegalArgumentException e) {
            throw new ImportOptions.UsageException("the TAXII API root is not a valid URL: " + root);
        }
    }

    private static String discoveredRoot(URI url, Sender http, ObjectMapper json)
            throws Sender.Unreachable, InterruptedException, ImportOptions.UsageException {
        URI discovery = URI.create(url + "/taxii2/");
        Sender.Answer answer = http.get(discovery, TaxiiSender.MEDIA_TYPE);
        if (answer.status() == 401 || answer.status() == 403) {
            throw new ImportOptions.UsageException("the service refused the credentials (" + answer.status() + ": "
                    + TaxiiSender.error(json, answer) + ")");
        }
        JsonNode body = JsonBodies.parse(json, answer.body());
        if (answer.status() != 200 || body == null || !body.isObject()) {
            throw new ImportOptions.UsageException("TAXII discovery " + discovery + " answered " + answer.status()
                    + ": " + TaxiiSender.error(json, answer) + "; is this a threat-ingest service with TAXII 2.1? "
                    + "(--api-root names the API root directly)");
        }
        JsonNode named = namedRoot(body);
        if (named == null || !named.isTextual() || named.asText().isBlank()) {
            throw new ImportOptions.UsageException("TAXII discovery " + discovery + " names no default API root; "
                    + "give one with --api-root");
        }
        try {
            return discovery.resolve(named.asText()).toString();
        } catch (IllegalArgumentException e) {
            throw new ImportOptions.UsageException("TAXII discovery " + discovery + " names an API root that is not "
                    + "a valid URL: " + named.asText() + "; give one with --api-root");
        }
    }

    /** The {@code default} API root, else the only one of {@code api_roots}. */
    private static JsonNode namedRoot(JsonNode discovery) {
        JsonNode named = discovery.get("default");
        JsonNode roots = discovery.get("api_roots");
        if ((named == null || !named.isTextual()) && roots != null && roots.isArray() && roots.size() == 1) {
            return roots.get(0);
        }
        return named;
    }
}
