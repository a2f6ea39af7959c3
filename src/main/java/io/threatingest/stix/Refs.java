package io.threatingest.stix;

import com.fasterxml.jackson.databind.JsonNode;

/** How an observable finds the objects its {@code *_ref(s)} properties name, and what marks they carry. */
interface Refs {

    /** The referenced object, or {@code null} when it is not at hand. */
    JsonNode object(String id);

    Marks marks(JsonNode object);

    /** References resolved in the document; referenced objects carry their own tags. */
    static Refs of(StixDocument document) {
        return new Refs() {

            @Override
            public JsonNode object(String id) {
                return document.object(id);
            }

            @Override
            public Marks marks(JsonNode object) {
                return document.marks(object);
            }
        };
    }
}
