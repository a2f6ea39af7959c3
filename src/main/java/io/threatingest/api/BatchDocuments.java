package io.threatingest.api;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.threatingest.api.dto.EntityRequest;
import io.threatingest.domain.SubmissionFlattener;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorKind;
import io.threatingest.http.error.ErrorMappers;
import io.threatingest.service.Batch;

/**
 * Reads the items of a batch into a {@link Batch}: from a JSON document {@code {"entities": [...]}}, or one NDJSON
 * line at a time. Each item is read from its own bytes (number literals keep their exact text, and an item of the
 * wrong shape refuses that item alone); a document that is not JSON at all refuses the whole batch.
 */
final class BatchDocuments {

    private final ObjectMapper json;

    BatchDocuments(ObjectMapper json) {
        this.json = json;
    }

    /** The whole JSON document, held in {@code body[0..length)}. */
    void readDocument(byte[] body, int length, Batch batch) throws IOException {
        boolean entities = false;
        try (JsonParser parser = json.createParser(body, 0, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ApiException(ErrorKind.INVALID_REQUEST, "a batch is an object: {\"entities\": [...]}", "");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!name.equals("entities")) {
                    throw new ApiException(ErrorKind.INVALID_REQUEST, "unknown field: " + name,
                            "/" + SubmissionFlattener.pointerToken(name));
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new ApiException(ErrorKind.INVALID_REQUEST, "entities must be an array", "/entities");
                }
                entities = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentLocation().getByteOffset();
                    item(body, start, end - start, batch);
                }
            }
            if (!entities) {
                throw new ApiException(ErrorKind.INVALID_REQUEST, "entities is required", "/entities");
            }
        }
    }

    /** One NDJSON line (without its line end); a line that is not JSON refuses that item only. */
    void readLine(byte[] line, int length, Batch batch) throws IOException {
        String at = batch.nextPointer();
        int start;
        try (JsonParser parser = json.createParser(line, 0, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                batch.addUnreadable("an entity must be a JSON object (at " + at + ")", at);
                return;
            }
            start = (int) parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            if (parser.nextToken() != null) {
                batch.addUnreadable("one JSON object per line; more follows it (at " + at + ")", at);
                return;
            }
        } catch (JsonParseException e) {
            batch.addUnreadable("malformed JSON: " + firstLine(e.getOriginalMessage()) + " (at " + at + ")", at);
            return;
        } catch (StreamConstraintsException e) {
            // nesting too deep (or a number too long) is this line's fault, as malformed JSON would be
            batch.addUnreadable("exceeds a JSON limit: " + firstLine(e.getOriginalMessage()) + " (at " + at + ")",
                    at);
            return;
        }
        item(line, start, length - start, batch);
    }

    private void item(byte[] body, int offset, int length, Batch batch) throws IOException {
        String at = batch.nextPointer();
        if (body[offset] != '{') {
            batch.addUnreadable("an entity must be a JSON object (at " + at + ")", at);
            return;
        }
        EntityRequest request;
        try {
            request = json.readValue(body, offset, length, EntityRequest.class);
        } catch (JsonMappingException e) {
            String pointer = at + ErrorMappers.pointer(e);
            batch.addUnreadable(ErrorMappers.describe(e) + " (at " + pointer + ")", pointer);
            return;
        } catch (JsonParseException e) {
            throw e;
        } catch (JsonProcessingException e) {
            batch.addUnreadable(firstLine(e.getOriginalMessage()) + " (at " + at + ")", at);
            return;
        }
        batch.add(SubmissionMapper.toDomain(request));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
