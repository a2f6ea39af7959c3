package io.threatingest.http.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import io.threatingest.domain.value.RawValue;

/** Reads an attribute value keeping its JSON kind and, for numbers, the literal text as written. */
public final class RawValueDeserializer extends StdDeserializer<RawValue> {

    public RawValueDeserializer() {
        super(RawValue.class);
    }

    @Override
    public RawValue deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        switch (parser.currentToken()) {
            case VALUE_STRING :
                return RawValue.text(parser.getText());
            case VALUE_NUMBER_INT :
            case VALUE_NUMBER_FLOAT :
                return new RawValue.Number(parser.getText());
            case VALUE_TRUE :
            case VALUE_FALSE :
                return new RawValue.Other("boolean");
            case START_OBJECT :
                parser.skipChildren();
                return new RawValue.Other("object");
            case START_ARRAY :
                parser.skipChildren();
                return new RawValue.Other("array");
            default :
                return new RawValue.Other(String.valueOf(parser.currentToken()));
        }
    }
}
