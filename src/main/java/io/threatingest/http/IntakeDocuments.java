package io.threatingest.http;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorKind;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * The JSON document of an intake request, read from the body {@link WholeBody} holds with the strict decoder; a
 * member named twice in one object is refused, since formats such as STIX give no rule for which one counts.
 */
public final class IntakeDocuments {

    private IntakeDocuments() {
    }

    public static JsonNode read(RoutingContext routing, ObjectMapper json, String expected) throws IOException {
        Buffer body = routing.body().buffer();
        return parse(body == null ? null : body.getBytes(), json, expected);
    }

    /** The document in these bytes; an empty body, malformed JSON or a member named twice is a 400. */
    public static JsonNode parse(byte[] bytes, ObjectMapper json, String expected) throws IOException {
        if (bytes == null || bytes.length == 0) {
            throw new ApiException(ErrorKind.BODY_REQUIRED, "send " + expected, "");
        }
        JsonNode document;
        try {
            document = json.reader().with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .readTree(bytes);
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage() == null || !e.getOriginalMessage().startsWith("Duplicate field")
                    || !(e.getProcessor() instanceof JsonParser parser)) {
                throw e;
            }
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            throw new ApiException(ErrorKind.MALFORMED_JSON, "a member named twice in one object (at " + pointer + ")",
                    pointer);
        }
        if (document == null || document.isMissingNode()) {
            throw new ApiException(ErrorKind.BODY_REQUIRED, "send " + expected, "");
        }
        return document;
    }
}
