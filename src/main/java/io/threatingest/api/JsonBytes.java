package io.threatingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An answer serialised where it is built: the answer to a large document (a line per item or object) is written
 * off the event loop, and the REST layer then sends the bytes as they are.
 */
final class JsonBytes {

    private JsonBytes() {
    }

    static byte[] of(ObjectMapper json, Object answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(answer.getClass().getSimpleName() + " could not be serialised", e);
        }
    }
}
