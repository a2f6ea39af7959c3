package io.threatingest.importer;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a body as JSON where it may be empty or not JSON at all. */
final class JsonBodies {

    private JsonBodies() {
    }

    /** The body's JSON, or {@code null} when it is empty or not JSON. */
    static JsonNode parse(ObjectMapper json, String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
