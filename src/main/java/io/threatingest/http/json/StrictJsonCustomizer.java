package io.threatingest.http.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;
import io.threatingest.config.IngestConfig;
import io.threatingest.domain.value.RawValue;

/**
 * Request JSON is decoded strictly: a value of the wrong JSON type is an error, never a silent cast (no number
 * into a string field, no string or fraction into an integer), and nothing may follow the document. Nesting
 * is bounded from the association depth limit, so that a deeply nested document is refused while it is read.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    private final int maxNestingDepth;

    public StrictJsonCustomizer(IngestConfig config) {
        // Each association level nests an array and an object; the rest of an entity adds a few levels.
        this.maxNestingDepth = 2 * config.limits().maxAssociationDepth() + 16;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper, maxNestingDepth);
    }

    /** The request decoding rules, applicable to any mapper (tests and tools build one without the container). */
    @SuppressWarnings("deprecation") // MapperFeature toggles stay the documented way to disable scalar coercion
    public static ObjectMapper configure(ObjectMapper mapper, int maxNestingDepth) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth).build());
        return mapper.registerModule(new SimpleModule("raw-values").addDeserializer(RawValue.class,
                new RawValueDeserializer()));
    }
}
