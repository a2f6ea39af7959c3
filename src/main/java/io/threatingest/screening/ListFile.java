package io.threatingest.screening;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.threatingest.domain.Catalogue;
import io.threatingest.domain.DataType;
import io.threatingest.domain.EntityType;
import io.threatingest.domain.screening.ListType;
import io.threatingest.domain.screening.WarningList;
import io.threatingest.misp.MispAttributeTypes;

/**
 * Reads one list file in the MISP warninglist format, streaming (a list of millions of entries is never held as a
 * JSON tree): {@code name}, {@code version}, {@code description}, {@code type}, {@code matching_attributes},
 * {@code category} and {@code list}; other members are ignored.
 */
public final class ListFile {

    private static final JsonFactory JSON = new JsonFactory();

    private ListFile() {
    }

    /** The list in these bytes; anything that is not a list fails with an {@link IllegalArgumentException}. */
    public static WarningList parse(String key, byte[] content) {
        try (JsonParser parser = JSON.createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            String name = null;
            String version = null;
            String description = null;
            String type = null;
            String category = null;
            List<String> matching = null;
            List<String> entries = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "name" -> name = text(parser, field);
                    case "description" -> description = text(parser, field);
                    case "type" -> type = text(parser, field);
                    case "category" -> category = text(parser, field);
                    case "version" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_STRING) {
                            throw new IllegalArgumentException("version must be a number or a string");
                        }
                        version = parser.getText();
                    }
                    case "matching_attributes" -> matching = strings(parser, field);
                    case "list" -> entries = strings(parser, field);
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IllegalArgumentException("not one JSON object");
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name is required");
            }
            if (version == null) {
                throw new IllegalArgumentException("version is required");
            }
            if (type == null) {
                throw new IllegalArgumentException("type is required");
            }
            if (entries == null) {
                throw new IllegalArgumentException("list is required");
            }
            return new WarningList(key, name, version, description, ListType.fromName(type), category,
                    matching == null || matching.isEmpty() ? null : dataTypes(matching), entries);
        } catch (IOException e) {
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                    ? json.getOriginalMessage() + " at line " + json.getLocation().getLineNr()
                    : e.getMessage();
            throw new IllegalArgumentException("malformed JSON: " + message);
        }
    }

    /**
     * The data types of MISP attribute types, by the MISP mapping table. Types the table does not map are ignored:
     * a list naming only such types applies to no value.
     */
    static Set<DataType> dataTypes(List<String> mispTypes) {
        Set<DataType> types = new LinkedHashSet<>();
        for (String mispType : mispTypes) {
            for (String entityType : MispAttributeTypes.entityTypes(mispType)) {
                EntityType type = Catalogue.find(entityType);
                if (type != null) {
                    types.add(type.dataType());
                }
            }
        }
        return types;
    }

    private static String text(JsonParser parser, String field) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return parser.getText();
    }

    private static List<String> strings(JsonParser parser, String field) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException(field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new IllegalArgumentException(field + " must be an array of strings (item " + values.size()
                        + ")");
            }
            values.add(parser.getText());
        }
        return values;
    }
}
