package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.threatingest.intake.Conversion;
import io.threatingest.intake.DocumentException;
import io.threatingest.intake.SourceObject;
import io.threatingest.misp.MispMapper;
import io.threatingest.stix.StixMapper;

/**
 * Every member and element of the fuzzing seeds of our own, dropped or given each other JSON type in turn, through
 * the STIX and MISP mappers: the document is refused as a whole with a pointer, or every object is reported mapped
 * or not mapped with its reason at its pointer; nothing else is thrown.
 */
class IntakeRetypeSweepTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** {@code null} stands for dropping the member. */
    private static final List<JsonNode> REPLACEMENTS = Arrays.asList(null, NODES.nullNode(),
            NODES.numberNode(7), NODES.booleanNode(true), NODES.textNode("x"), NODES.objectNode(), NODES.arrayNode());

    @Test
    void stixBundleRetypedAtEveryPosition() {
        JsonNode bundle = IntakeFuzzSeeds.bundles().get(IntakeFuzzSeeds.STIX_SAMPLES.size());
        assertTrue(sweep(bundle, document -> new StixMapper().bundle(document)) > 1_800);
    }

    @Test
    void taxiiEnvelopeRetypedAtEveryPosition() {
        JsonNode envelope = IntakeFuzzSeeds.envelopes().get(IntakeFuzzSeeds.STIX_SAMPLES.size());
        assertTrue(sweep(envelope, document -> new StixMapper().envelope(document)) > 1_800);
    }

    @Test
    void mispDocumentsRetypedAtEveryPosition() {
        int cases = 0;
        for (JsonNode document : IntakeFuzzSeeds.mispDocuments()) {
            cases += sweep(document, misp -> new MispMapper().map(misp));
        }
        assertTrue(cases > 3_000);
    }

    /** @return the number of documents tried */
    private static int sweep(JsonNode seed, Function<JsonNode, Conversion> mapper) {
        List<String> pointers = new ArrayList<>();
        collect(seed, "", pointers);
        int cases = 0;
        for (String pointer : pointers) {
            for (JsonNode replacement : REPLACEMENTS) {
                JsonNode document = seed.deepCopy();
                JsonNode original = document.at(pointer);
                if (replacement != null && replacement.getNodeType() == original.getNodeType()) {
                    continue;
                }
                replace(document, pointer, replacement);
                String what = (replacement == null ? "drop " : "retype to " + replacement + " ") + pointer;
                cases++;
                try {
                    check(mapper.apply(document), what);
                } catch (DocumentException refused) {
                    assertTrue(refused.pointer().isEmpty() || refused.pointer().startsWith("/"), what);
                } catch (RuntimeException e) {
                    throw new AssertionError(what + ": " + e, e);
                }
            }
        }
        return cases;
    }

    private static void check(Conversion conversion, String what) {
        for (SourceObject object : conversion.objects()) {
            assertTrue(object.pointer() != null && object.pointer().startsWith("/"), what + ": " + object);
            assertTrue(object.mapped() != (object.notMapped() != null) && object.kind() != null, what + ": " + object);
        }
    }

    private static void collect(JsonNode node, String pointer, List<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> member = fields.next();
                String at = pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
                out.add(at);
                collect(member.getValue(), at, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(pointer + "/" + i);
                collect(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    private static void replace(JsonNode document, String pointer, JsonNode replacement) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = document.at(at.head());
        String last = at.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            if (replacement == null) {
                object.remove(last);
            } else {
                object.set(last, replacement);
            }
        } else if (replacement == null) {
            ((ArrayNode) parent).remove(Integer.parseInt(last));
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), replacement);
        }
    }
}
