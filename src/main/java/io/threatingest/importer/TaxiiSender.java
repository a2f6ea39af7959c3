package io.threatingest.importer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * STIX 2.1 bundles to a TAXII 2.1 collection (Add Objects): each chunk's objects as an envelope, the status
 * resource read against the objects sent.
 */
final class TaxiiSender extends StixSender {

    static final String MEDIA_TYPE = "application/taxii+json;version=2.1";

    private final URI objects;
    private final String collection;

    TaxiiSender(SendContext context, URI objects, String collection) {
        super(context);
        this.objects = objects;
        this.collection = collection;
    }

    @Override
    public String destination() {
        return objects.toString();
    }

    @Override
    protected Sender.Answer post(byte[] body, String key) throws Sender.Unreachable, InterruptedException, IOException {
        return context.http().post(objects, MEDIA_TYPE, MEDIA_TYPE, envelope(body), key);
    }

    /** A bundle's objects as a TAXII envelope: {@code {"objects": [...]}}. */
    private byte[] envelope(byte[] bundle) throws IOException {
        ObjectMapper json = context.json();
        JsonNode parsed = json.readTree(bundle);
        JsonNode list = parsed == null ? null : parsed.get("objects");
        ObjectNode envelope = json.createObjectNode();
        envelope.set("objects", list != null && list.isArray() ? list : json.createArrayNode());
        return json.writeValueAsBytes(envelope);
    }

    @Override
    protected List<Answers.Item> items(byte[] sent, Sender.Answer answer) {
        JsonNode body = JsonBodies.parse(context.json(), answer.body());
        return answer.status() / 100 == 2
                ? Answers.taxiiItems(JsonBodies.parse(context.json(), new String(sent, StandardCharsets.UTF_8)), body)
                : null;
    }

    @Override
    protected String stopReason(Sender.Answer answer) {
        if (answer.status() == 401) {
            return credentialsRefused(answer);
        }
        if (answer.status() == 403 || answer.status() == 404) {
            return "TAXII collection " + collection + " (" + objects + "): " + answer.status() + " "
                    + error(context.json(), answer);
        }
        return null;
    }

    @Override
    protected String refusal(Sender.Answer answer) {
        return error(context.json(), answer);
    }

    /** The collection is part of the key: the same file sent to another collection is a new request. */
    @Override
    protected String keyQuery(String query) {
        return query + "\ntaxii collection " + collection;
    }

    /** A TAXII error's {@code description} (else its {@code title}, else the {@code x-error} header). */
    static String error(ObjectMapper json, Sender.Answer answer) {
        JsonNode body = JsonBodies.parse(json, answer.body());
        for (String field : List.of("description", "title")) {
            JsonNode value = body == null ? null : body.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return answer.reason();
    }
}
