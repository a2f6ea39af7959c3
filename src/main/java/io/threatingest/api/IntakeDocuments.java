package io.threatingest.api;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.threatingest.api.error.ApiException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** The JSON document of an intake request, read from the body {@link WholeBody} holds, with the strict decoder. */
final class IntakeDocuments {

    private IntakeDocuments() {
    }

    static JsonNode read(RoutingContext routing, ObjectMapper json, String expected) throws IOException {
        Buffer body = routing.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.badRequest("request body required", "send " + expected, "");
        }
        JsonNode document = json.readTree(body.getBytes());
        if (document == null || document.isMissingNode()) {
            throw ApiException.badRequest("request body required", "send " + expected, "");
        }
        return document;
    }
}
