package io.threatingest.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.threatingest.intake.Conversion;
import io.threatingest.intake.DocumentException;

/** Documents that are not one as a whole are refused with a pointer; bad objects inside are reported, never thrown. */
class StixDocumentTest {

    private final StixMapper mapper = new StixMapper();

    /** Columns: the document, the pointer, the message. */
    @ParameterizedTest
    @CsvSource(delimiter = '~', quoteCharacter = '\'', textBlock = """
            []                                         ~ ''       ~ a STIX 2.1 bundle is a JSON object
            42                                         ~ ''       ~ a STIX 2.1 bundle is a JSON object
            null                                       ~ ''       ~ a STIX 2.1 bundle is a JSON object
            {}                                         ~ /type    ~ a STIX 2.1 bundle needs "type": "bundle"
            {"type": "report", "objects": []}          ~ /type    ~ a STIX 2.1 bundle needs "type": "bundle"
            {"type": 1, "objects": []}                 ~ /type    ~ a STIX 2.1 bundle needs "type": "bundle"
            {"type": "bundle"}                         ~ /objects ~ "objects" must be an array
            {"type": "bundle", "objects": {}}          ~ /objects ~ "objects" must be an array
            {"type": "bundle", "objects": null}        ~ /objects ~ "objects" must be an array
            """)
    void bundleRefused(String json, String pointer, String message) throws Exception {
        JsonNode document = new ObjectMapper().readTree(json);
        DocumentException e = assertThrows(DocumentException.class, () -> mapper.bundle(document));
        assertEquals(pointer, e.pointer());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '~', quoteCharacter = '\'', textBlock = """
            []                          ~ ''       ~ a TAXII envelope is a JSON object
            {}                          ~ /objects ~ "objects" must be an array
            {"objects": "x"}            ~ /objects ~ "objects" must be an array
            """)
    void envelopeRefused(String json, String pointer, String message) throws Exception {
        JsonNode document = new ObjectMapper().readTree(json);
        DocumentException e = assertThrows(DocumentException.class, () -> mapper.envelope(document));
        assertEquals(pointer, e.pointer());
        assertEquals(message, e.getMessage());
    }

    @Test
    void nullDocumentRefused() {
        assertEquals("", assertThrows(DocumentException.class, () -> mapper.bundle(null)).pointer());
        assertEquals("", assertThrows(DocumentException.class, () -> mapper.envelope(null)).pointer());
    }

    @Test
    void badObjectsAreReportedOneByOne() throws Exception {
        Conversion conversion = mapper.envelope(new ObjectMapper().readTree("""
                {"more": false, "objects": [
                  1, "url--x", null, [], {},
                  {"id": "url--1", "value": "https://a.example/"},
                  {"type": "url", "value": "https://a.example/"},
                  {"type": "url", "id": "url--2", "value": "https://a.example/", "revoked": true},
                  {"type": "relationship", "id": "relationship--1", "revoked": true},
                  {"type": "relationship", "source_ref": "url--3", "target_ref": "url--3"},
                  {"type": "url", "id": "url--3", "value": "https://a.example/"}
                ]}"""));
        assertEquals(List.of(
                "/objects/0 (no id) (no type) null: not a JSON object",
                "/objects/1 (no id) (no type) null: not a JSON object",
                "/objects/2 (no id) (no type) null: not a JSON object",
                "/objects/3 (no id) (no type) null: not a JSON object",
                "/objects/4 (no id) (no type) null: the object has no type",
                "/objects/5 url--1 (no type) null: the object has no type",
                "/objects/6 (no id) url null: the object has no id",
                "/objects/7 url--2 url null: revoked",
                "/objects/8 relationship--1 relationship null: revoked",
                "/objects/9 (no id) relationship null: the object has no id",
                "/objects/10 url--3 url null: mapped"),
                conversion.objects().stream().map(o -> o.pointer() + " " + o.ref() + " " + o.kind() + " "
                        + o.version() + ": " + (o.mapped() ? "mapped" : o.notMapped())).toList());
    }

    @Test
    void emptyBundle() throws Exception {
        assertEquals(List.of(), mapper.bundle(new ObjectMapper().readTree("""
                {"type": "bundle", "id": "bundle--1", "objects": []}""")).objects());
    }
}
