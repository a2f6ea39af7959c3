package io.threatingest.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.threatingest.api.dto.EntityRequest;
import io.threatingest.domain.FlatSubmission;
import io.threatingest.domain.SubmissionException;
import io.threatingest.domain.SubmissionFlattener;
import io.threatingest.domain.SubmissionLimits;
import io.threatingest.domain.Visibility;
import io.threatingest.http.json.StrictJsonCustomizer;
import io.threatingest.service.Caller;
import io.threatingest.service.IngestService;
import io.threatingest.support.DataTypeSamples;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the whole request pipeline outside HTTP: bytes are decoded with the service's JSON rules, mapped,
 * validated, flattened, turned into an event and serialised. Inputs are the reference's example requests
 * and a sample of every data type, edited at the byte level and at the JSON level. The only outcomes allowed
 * are an event, a JSON error or a validation error: anything else would be a 500.
 */
class RequestPipelineFuzzTest {

    private static final ObjectMapper JSON = StrictJsonCustomizer.configure(new ObjectMapper(), 48);
    private static final SubmissionLimits LIMITS = new SubmissionLimits(16, 10_000, 129, 64, 64, 129);
    private static final Caller CALLER = new Caller("fuzzer", List.of("soc"), false);
    private static final String CHARS = "{}[]\":,0123456789.-+eEtrufalsn \\/abcdefxyz\u00e9\u0000\u200b\uD83D\uDE00";

    static List<String> seeds() {
        List<String> seeds = new ArrayList<>(List.of(EntityResource.EXAMPLE, EntityResource.WELL_KNOWN_EXAMPLE,
                EntityIngestTest.THREE_LEVELS));
        for (DataTypeSamples.Sample sample : DataTypeSamples.all()) {
            seeds.add("{\"type\":\"" + sample.entityType() + "\",\"attributes\":{\"" + sample.entityType() + "\":"
                    + sample.json() + "},\"reputation\":-2,\"tags\":[\"t\"],\"correlate\":null}");
        }
        return seeds;
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> seed = Arbitraries.of(seeds());
        Arbitrary<String> byteEdits = Combinators.combine(seed, Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(1, 8),
                Arbitraries.strings().withChars(CHARS).ofMinLength(1).ofMaxLength(6))
                .as(RequestPipelineFuzzTest::editBytes);
        Arbitrary<String> jsonEdits = Combinators.combine(seed, Arbitraries.integers().between(0, 1000),
                randomJson()).as(RequestPipelineFuzzTest::replaceNode);
        return Arbitraries.oneOf(byteEdits, jsonEdits, jsonEdits.map(d -> editBytes(d, 0, d.length() / 2, 1, "\"")));
    }

    private static String editBytes(String doc, int operation, int position, int length, String insert) {
        int at = position % (doc.length() + 1);
        return switch (operation) {
            case 0 -> doc.substring(0, at) + insert + doc.substring(at);
            case 1 -> doc.substring(0, at) + doc.substring(Math.min(doc.length(), at + length));
            default -> doc.substring(0, at) + doc.substring(at, Math.min(doc.length(), at + length)).repeat(3)
                    + doc.substring(Math.min(doc.length(), at + length));
        };
    }

    private static Arbitrary<JsonNode> randomJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40).map(f::textNode),
                Arbitraries.longs().map(f::numberNode),
                Arbitraries.doubles().map(f::numberNode),
                Arbitraries.bigDecimals().map(f::numberNode),
                Arbitraries.of(true, false).map(f::booleanNode),
                Arbitraries.just(f.nullNode()),
                Arbitraries.integers().between(1, 60).map(depth -> {
                    ArrayNode root = f.arrayNode();
                    ArrayNode current = root;
                    for (int i = 0; i < depth; i++) {
                        current = current.addArray();
                    }
                    return root;
                }),
                Arbitraries.of("ip", "domain", "asn", "latitude", "file", "x").map(type -> {
                    ObjectNode node = f.objectNode().put("type", type);
                    node.putObject("attributes").put(type, "8.8.8.8");
                    return node;
                }));
    }

    /** Replaces the n-th node (depth-first) of the seed document with another JSON value. */
    private static String replaceNode(String seed, int n, JsonNode replacement) {
        try {
            JsonNode root = new ObjectMapper().readTree(seed);
            int[] counter = { n };
            replace(root, counter, replacement);
            return new ObjectMapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            return seed;
        }
    }

    private static boolean replace(JsonNode node, int[] counter, JsonNode replacement) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(e -> names.add(e.getKey()));
            for (String name : names) {
                if (counter[0]-- == 0) {
                    object.set(name, replacement);
                    return true;
                }
                if (replace(object.get(name), counter, replacement)) {
                    return true;
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (counter[0]-- == 0) {
                    array.set(i, replacement);
                    return true;
                }
                if (replace(array.get(i), counter, replacement)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Property(tries = 4000)
    void anyDocumentGivesAnEventOrA4xxNeverAnotherFailure(@ForAll("documents") String document) throws Exception {
        EntityRequest request;
        try {
            request = JSON.readValue(document.getBytes(StandardCharsets.UTF_8), EntityRequest.class);
        } catch (JsonProcessingException badJson) {
            return; // 400: malformed JSON, wrong JSON type or a JSON limit
        }
        if (request == null) {
            return; // 400: body required
        }
        FlatSubmission flat;
        try {
            flat = SubmissionFlattener.flatten(SubmissionMapper.toDomain(request),
                    new Visibility(CALLER.groups(), java.util.Set.of("soc", "public")), LIMITS);
        } catch (SubmissionException invalid) {
            return; // 400 or 403 naming the field
        }
        JSON.writeValueAsBytes(IngestService.toEvent("00000000-0000-0000-0000-000000000000", Instant.now(), CALLER,
                false, flat));
    }
}
