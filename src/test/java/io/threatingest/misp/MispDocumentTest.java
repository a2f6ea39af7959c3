package io.threatingest.misp;

import static io.threatingest.misp.Expected.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.threatingest.intake.Conversion;
import io.threatingest.intake.DocumentException;
import io.threatingest.intake.SourceObject;

/** The shapes a MISP document may have, the ones it may not, and size. */
class MispDocumentTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'\"text\"'|''",
            "'42'|''",
            "'{}'|''",
            "'{\"info\": \"x\"}'|''",
            "'[1]'|'/0'",
            "'[{\"Attribute\": []}]'|'/0'",
            "'{\"Event\": []}'|'/Event'",
            "'{\"Event\": \"x\"}'|'/Event'",
            "'{\"Event\": {\"Attribute\": {}}}'|'/Event/Attribute'",
            "'{\"Event\": {\"Object\": 3}}'|'/Event/Object'",
            "'{\"Event\": {\"Galaxy\": \"g\"}}'|'/Event/Galaxy'",
            "'{\"Event\": {\"Tag\": \"tlp:white\"}}'|'/Event/Tag'",
            "'{\"Event\": {\"Tag\": [{\"name\": 1}]}}'|'/Event/Tag/0'",
            "'{\"response\": 1}'|'/response'",
            "'{\"response\": [{\"Event\": {}}, 2]}'|'/response/1'",
            "'{\"response\": [{\"Event\": {}}, {\"Other\": {}}]}'|'/response/1'",
            "'{\"response\": [{\"Event\": {\"Attribute\": \"x\"}}]}'|'/response/0/Event/Attribute'" })
    void refusedAsAWholeWithThePointer(String json, String pointer) {
        DocumentException refused = assertThrows(DocumentException.class, () -> map(json));
        assertEquals(pointer, refused.pointer(), refused.getMessage());
    }

    @Test
    void feedEventSearchAnswerArrayAndLooseShapes() {
        String attribute = "{\"uuid\": \"a\", \"type\": \"domain\", \"value\": \"a.example\"}";
        assertEquals("/Event/Attribute/0", only(map("{\"Event\": {\"Attribute\": [" + attribute + "]}}")));
        assertEquals("/response/0/Event/Attribute/0",
                only(map("{\"response\": [{\"Event\": {\"Attribute\": [" + attribute + "]}}]}")));
        assertEquals("/0/Event/Attribute/0", only(map("[{\"Event\": {\"Attribute\": [" + attribute + "]}}]")));
        assertEquals("/response/Attribute/0", only(map("{\"response\": {\"Attribute\": [" + attribute + "]}}")));
        assertEquals(List.of(), map("{\"Event\": {\"Attribute\": null, \"info\": \"empty\"}}").objects());
        assertEquals(List.of(), map("{\"response\": []}").objects());
    }

    @Test
    void aLargeEventMapsWhole() {
        ObjectNode document = Expected.JSON.createObjectNode();
        ArrayNode attributes = document.putObject("Event").putArray("Attribute");
        for (int i = 0; i < 20_000; i++) {
            attributes.addObject().put("uuid", "u" + i).put("type", i % 2 == 0 ? "ip-dst" : "domain|ip")
                    .put("value", i % 2 == 0 ? "8.8." + (i / 256 % 256) + "." + i % 256 : "d" + i + ".example|8.8.8.8")
                    .put("to_ids", true);
        }
        Conversion conversion = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new MispMapper().map(document));
        assertEquals(20_000, conversion.objects().size());
        assertEquals(20_000, conversion.treeCount());
        assertEquals("/Event/Attribute/19999", conversion.objects().get(19_999).pointer());
        assertEquals(2, conversion.objects().get(19_999).trees().get(0).associations().size() + 1);
    }

    private static String only(Conversion conversion) {
        assertEquals(1, conversion.objects().size());
        SourceObject object = conversion.objects().get(0);
        assertEquals("a", object.ref());
        return object.pointer();
    }
}
