package io.threatingest.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.JsonMutator;
import io.threatingest.support.RawHttp;
import io.threatingest.support.RawHttp.Answer;
import io.threatingest.support.RawHttp.Encoding;
import io.threatingest.support.TestCredentials;
import io.threatingest.support.TextMutator;

/**
 * Structure-aware fuzzing of every intake door over HTTP: mutated copies of real documents (the public STIX and MISP
 * samples, documents of our own reaching every mapping rule, batches, texts) go to {@code /stix}, {@code /misp},
 * TAXII Add Objects, {@code /batch} (JSON and NDJSON) and {@code /extract}, over a few kept-alive connections. Every
 * answer must come within 5 s with a status below 500; every 4xx carries {@code x-error}, {@code x-error-id} and the
 * JSON error body (under {@code /taxii2/} the TAXII error message); every intake answer reports each object with its
 * pointer. The cases are fixed by {@link #SEED}: a failure names the door, the case number and the mutations, and
 * {@code -Dintake.fuzz.case=<n>} runs that case alone.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class IntakeFuzzTest {

    static final long SEED = 0x5EED_1D0_23L;
    static final int CASES = Integer.getInteger("intake.fuzz.cases", 5_200);
    static final int CONNECTIONS = 3;
    static final long MAX_MILLIS = 5_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String TAXII_TYPE = "application/taxii+json;version=2.1";
    private static final String TAXII_OBJECTS = "/taxii2/ingest/collections/b6f4c3e2-1a0d-4c5b-8e7f-9a8b7c6d5e4f/objects/";

    enum Door {
        STIX, MISP, TAXII, BATCH_JSON, BATCH_NDJSON, EXTRACT
    }

    /** The doors in one cycle of 26 cases: each door's share of the run, interleaved. */
    private static final Door[] CYCLE = cycle(Map.of(Door.STIX, 6, Door.MISP, 5, Door.TAXII, 4, Door.BATCH_JSON, 4,
            Door.BATCH_NDJSON, 3, Door.EXTRACT, 4));

    private static final List<JsonNode> BUNDLES = IntakeFuzzSeeds.bundles();
    private static final List<JsonNode> ENVELOPES = IntakeFuzzSeeds.envelopes();
    private static final List<JsonNode> MISP = IntakeFuzzSeeds.mispDocuments();
    private static final List<JsonNode> BATCHES = IntakeFuzzSeeds.batches();
    private static final List<String> TEXTS = IntakeFuzzSeeds.texts();

    record Case(int number, Door door, String path, Map<String, String> headers, byte[] body, Encoding encoding,
            String mutation) {

        String name() {
            return "door " + door + " case " + number + " (" + path + ", " + body.length + " bytes, " + mutation
                    + ")";
        }
    }

    private final Map<Door, Map<Integer, AtomicInteger>> statuses = new EnumMap<>(Door.class);
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final Map<Door, AtomicLong> millisByDoor = new EnumMap<>(Door.class);
    private final ConcurrentSkipListMap<Long, String> slowest = new ConcurrentSkipListMap<>();

    @Test
    void mutatedDocumentsAtEveryDoorNeverGive5xx() throws Exception {
        for (Door door : Door.values()) {
            statuses.put(door, new ConcurrentHashMap<>());
            millisByDoor.put(door, new AtomicLong());
        }
        Integer only = Integer.getInteger("intake.fuzz.case");
        int first = only == null ? 0 : only;
        int end = only == null ? CASES : only + 1;
        AtomicInteger next = new AtomicInteger(first);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                workers.add(pool.submit(() -> {
                    send(next, end);
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println(summary(end - first, seconds));
        assertTrue(failures.isEmpty(), failures.size() + " of " + (end - first) + " cases failed; the first:\n"
                + String.join("\n", failures.stream().limit(15).toList()));
        if (only == null) {
            for (Door door : Door.values()) {
                Map<Integer, AtomicInteger> byStatus = statuses.get(door);
                assertTrue(byStatus.keySet().stream().anyMatch(s -> s < 300)
                        && byStatus.keySet().stream().anyMatch(s -> s >= 400),
                        door + ": the mutated corpus gives both valid and invalid documents: " + byStatus);
            }
        }
    }

    private void send(AtomicInteger next, int end) throws IOException {
        RawHttp connection = connect();
        try {
            for (int number = next.getAndIncrement(); number < end; number = next.getAndIncrement()) {
                Case fuzzCase = build(number);
                long started = System.nanoTime();
                Answer answer;
                try {
                    answer = connection.post(fuzzCase.path(), fuzzCase.headers(), fuzzCase.body(),
                            fuzzCase.encoding(), false);
                } catch (IOException stale) {
                    // a kept-alive connection the server closed after the last answer: once more on a new one
                    connection.close();
                    connection = connect();
                    started = System.nanoTime();
                    try {
                        answer = connection.post(fuzzCase.path(), fuzzCase.headers(), fuzzCase.body(),
                                fuzzCase.encoding(), false);
                    } catch (IOException e) {
                        failures.add(fuzzCase.name() + ": no answer: " + e);
                        connection.close();
                        connection = connect();
                        continue;
                    }
                }
                long millis = (System.nanoTime() - started) / 1_000_000L;
                statuses.get(fuzzCase.door()).computeIfAbsent(answer.status(), s -> new AtomicInteger())
                        .incrementAndGet();
                millisByDoor.get(fuzzCase.door()).addAndGet(millis);
                slowest.put(millis * 100_000 + number, fuzzCase.name());
                if (slowest.size() > 5) {
                    slowest.pollFirstEntry();
                }
                String problem = check(fuzzCase, answer, millis);
                if (problem != null) {
                    failures.add(fuzzCase.name() + ": " + problem + " [rerun: -Dintake.fuzz.case=" + number + "]");
                }
                if ("close".equalsIgnoreCase(answer.header("connection"))) {
                    connection.close();
                    connection = connect();
                }
            }
        } finally {
            connection.close();
        }
    }

    private static RawHttp connect() throws IOException {
        return new RawHttp("127.0.0.1", RestAssured.port, 15_000);
    }

    /** The case with this number, the same in every run. */
    static Case build(int number) {
        SplittableRandom random = new SplittableRandom(SEED ^ (number * 0x9E3779B97F4A7C15L));
        Door door = CYCLE[number % CYCLE.length];
        int mutations = random.nextInt(100) < 3 ? 0 : 1 + random.nextInt(3);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("api-key", TestCredentials.REPORTER.keyId());
        headers.put("api-secret", TestCredentials.REPORTER.secret());
        Encoding encoding = random.nextInt(10) == 0 ? Encoding.CHUNKED : Encoding.CONTENT_LENGTH;
        boolean dryRun = random.nextInt(100) < 92;
        String query = (dryRun ? "dryRun=true" : "") + (random.nextInt(10) == 0 ? "&refang=true" : "")
                + (random.nextInt(50) == 0 ? "&refang=maybe" : "");
        return switch (door) {
            case STIX -> {
                JsonMutator mutated = JsonMutator.mutate(pick(BUNDLES, random), random, mutations);
                String[] types = { "application/stix+json;version=2.1", "application/json", "application/stix+json" };
                headers.put("Content-Type", types[random.nextInt(types.length)]);
                byte[] body = mutated.bytes(5);
                yield new Case(number, door, path(StixIntakeTest.STIX, query), headers, body, encoding,
                        describe(mutated.description(), dryRun));
            }
            case MISP -> {
                JsonMutator mutated = JsonMutator.mutate(pick(MISP, random), random, mutations);
                headers.put("Content-Type", "application/json");
                byte[] body = mutated.bytes(5);
                yield new Case(number, door, path(MispIntakeTest.MISP, query), headers, body, encoding,
                        describe(mutated.description(), dryRun));
            }
            case TAXII -> {
                JsonMutator mutated = JsonMutator.mutate(pick(ENVELOPES, random), random, mutations);
                // now and then a media type the TAXII negotiation refuses (415, 406), answered as TAXII errors too
                String[] types = { TAXII_TYPE, "application/taxii+json", "application/stix+json;version=2.1",
                        "application/taxii+json;version=2.0" };
                String[] accepts = { TAXII_TYPE, "*/*", "application/taxii+json", "application/xml" };
                headers.put("Content-Type", random.nextInt(10) == 0 ? types[random.nextInt(types.length)] : TAXII_TYPE);
                headers.put("Accept", random.nextInt(10) == 0 ? accepts[random.nextInt(accepts.length)] : TAXII_TYPE);
                byte[] body = mutated.bytes(5);
                yield new Case(number, door, TAXII_OBJECTS, headers, body, encoding, describe(mutated.description()
                        + "; " + headers.get("Content-Type") + "; accept " + headers.get("Accept"), false));
            }
            case BATCH_JSON -> {
                JsonMutator mutated = JsonMutator.mutate(pick(BATCHES, random), random, mutations);
                headers.put("Content-Type", "application/json");
                String batchQuery = query + (random.nextInt(10) == 0 ? "&atomic=true" : "");
                byte[] body = mutated.bytes(5);
                yield new Case(number, door, path(BatchIngestTest.BATCH, batchQuery), headers, body, encoding,
                        describe(mutated.description(), dryRun));
            }
            case BATCH_NDJSON -> {
                JsonMutator mutated = JsonMutator.mutate(pick(BATCHES, random), random, mutations);
                headers.put("Content-Type", "application/x-ndjson");
                byte[] body = ndjson(mutated, random).getBytes(StandardCharsets.UTF_8);
                yield new Case(number, door, path(BatchIngestTest.BATCH, query), headers, body, encoding,
                        describe(mutated.description(), dryRun));
            }
            case EXTRACT -> {
                TextMutator.Mutated mutated = TextMutator.mutate(pick(TEXTS, random), random, mutations);
                String[] types = { "text/plain", "text/plain", "text/plain", "text/plain; charset=UTF-8",
                        "text/plain; charset=ISO-8859-1", "text/plain; charset=UTF-16", "text/plain; charset=nope",
                        "text/plain; charset=\"utf-8\"" };
                headers.put("Content-Type", types[random.nextInt(types.length)]);
                boolean submit = random.nextInt(100) < 8;
                String[] reputations = { "", "", "", "&reputation=-2", "&reputation=7", "&reputation=x" };
                String extractQuery = (submit ? "submit=true" : "") + reputations[random.nextInt(reputations.length)]
                        + (random.nextInt(4) == 0 ? "&tag=fuzz&tag=" : "");
                yield new Case(number, door, path(ExtractIntakeTest.EXTRACT, extractQuery), headers, mutated.body(),
                        encoding, describe(mutated.description() + "; " + headers.get("Content-Type"), !submit));
            }
        };
    }

    /** The items of the batch one per line, or the whole mutated document on one line when it has none. */
    private static String ndjson(JsonMutator mutated, SplittableRandom random) {
        String newline = random.nextBoolean() ? "\n" : "\r\n";
        JsonNode entities = mutated.root().path("entities");
        if (!entities.isArray()) {
            return mutated.write(mutated.root()) + newline;
        }
        StringBuilder lines = new StringBuilder();
        for (JsonNode item : entities) {
            lines.append(mutated.write(item)).append(newline);
            if (random.nextInt(20) == 0) {
                lines.append(random.nextBoolean() ? " \t" : "").append(newline);
            }
        }
        return lines.toString();
    }

    private static <T> T pick(List<T> seeds, SplittableRandom random) {
        return seeds.get(random.nextInt(seeds.size()));
    }

    private static String path(String path, String query) {
        String trimmed = query.startsWith("&") ? query.substring(1) : query;
        return trimmed.isEmpty() ? path : path + "?" + trimmed;
    }

    private static String describe(String mutation, boolean dryRun) {
        String text = (mutation.isEmpty() ? "the seed as it is" : mutation) + (dryRun ? "" : "; published");
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }

    /** What is wrong with the answer, or {@code null}. */
    static String check(Case fuzzCase, Answer answer, long millis) {
        int status = answer.status();
        String head = "status " + status + " in " + millis + " ms, x-error " + answer.header("x-error");
        if (status >= 500 || status < 200) {
            return head + ": " + snippet(answer.text());
        }
        if (millis > MAX_MILLIS) {
            return head + ": slower than " + MAX_MILLIS + " ms";
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (IOException e) {
            return head + ": the body is not JSON: " + snippet(answer.text());
        }
        if (body == null) {
            return head + ": no body";
        }
        String problem = status >= 400 ? errorProblem(fuzzCase, answer, body) : null;
        if (problem == null && (fuzzCase.door() == Door.STIX || fuzzCase.door() == Door.MISP)) {
            problem = objectsProblem(body);
        }
        if (problem == null && fuzzCase.door() == Door.TAXII && status == 202) {
            problem = taxiiStatusProblem(body);
        }
        return problem == null ? null : head + ": " + problem + ": " + snippet(answer.text());
    }

    private static String errorProblem(Case fuzzCase, Answer answer, JsonNode body) {
        String error = answer.header("x-error");
        String errorId = answer.header("x-error-id");
        if (error == null || error.isBlank()) {
            return "no x-error header";
        }
        if (errorId == null || !UUID.matcher(errorId).matches()) {
            return "x-error-id is not a UUID: " + errorId;
        }
        JsonNode detail = body.path("error");
        if (!errorId.equals(detail.path("error_id").asText(null))) {
            return "error.error_id differs from x-error-id";
        }
        String message = detail.path("message").textValue();
        if (message == null || !headerSafe(message).equals(error)) {
            return "x-error is not the header-safe error.message";
        }
        if (fuzzCase.door() != Door.TAXII) {
            return null;
        }
        String type = answer.header("content-type");
        if (type == null || !type.startsWith("application/taxii+json")) {
            return "a TAXII error of type " + type;
        }
        if (!body.path("title").isTextual() || body.path("title").textValue().isEmpty()
                || !message.equals(body.path("description").textValue())
                || !errorId.equals(body.path("error_id").textValue())
                || !Integer.toString(answer.status()).equals(body.path("http_status").textValue())
                || !body.path("error_code").asText("").matches("[0-9a-f]{32}")) {
            return "not a TAXII error message";
        }
        return null;
    }

    /** Each object of an intake answer reported at its pointer, with the reason or error its status needs. */
    private static String objectsProblem(JsonNode body) {
        JsonNode objects = body.get("objects");
        if (objects == null) {
            return body.has("error") ? null : "neither objects nor error";
        }
        for (JsonNode object : objects) {
            String pointer = object.path("pointer").textValue();
            String status = object.path("status").asText();
            if (pointer == null || !pointer.startsWith("/") || !object.path("ref").isTextual()) {
                return "an object without pointer or ref: " + object;
            }
            boolean complete = switch (status) {
                case "accepted" -> object.path("ids").isArray();
                case "not-mapped" -> !object.path("reason").asText("").isEmpty();
                case "rejected", "unavailable" -> !object.path("error").path("message").asText("").isEmpty();
                default -> false;
            };
            if (!complete) {
                return "an object reported " + status + " without what that status needs: " + object;
            }
        }
        return null;
    }

    private static String taxiiStatusProblem(JsonNode body) {
        boolean counted = body.path("total_count").asInt(-1) == body.path("success_count").asInt(-2)
                + body.path("failure_count").asInt(-2);
        return "complete".equals(body.path("status").asText()) && counted ? null : "not a complete TAXII status";
    }

    private static String headerSafe(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 1024; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    private static String snippet(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private String summary(int cases, long seconds) {
        Map<Integer, Integer> overall = new TreeMap<>();
        StringBuilder perDoor = new StringBuilder();
        for (Door door : Door.values()) {
            Map<Integer, Integer> byStatus = new TreeMap<>();
            statuses.get(door).forEach((status, count) -> byStatus.put(status, count.get()));
            byStatus.forEach((status, count) -> overall.merge(status, count, Integer::sum));
            int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
            perDoor.append(' ').append(door).append('=').append(total).append(' ').append(byStatus).append(" in ")
                    .append(millisByDoor.get(door).get() / 1000).append(" s");
        }
        return "IntakeFuzzTest: " + cases + " cases in " + seconds + " s (seed " + Long.toHexString(SEED)
                + ", " + CONNECTIONS + " connections); answers by status " + overall + ";" + perDoor
                + "\nslowest: " + String.join("\n", slowest.descendingMap().entrySet().stream()
                        .map(e -> e.getKey() / 100_000 + " ms " + e.getValue().substring(0,
                                Math.min(200, e.getValue().length())))
                        .toList());
    }

    private static Door[] cycle(Map<Door, Integer> shares) {
        List<Door> doors = new ArrayList<>();
        int longest = shares.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int round = 0; round < longest; round++) {
            for (Door door : Door.values()) {
                if (shares.get(door) > round) {
                    doors.add(door);
                }
            }
        }
        return doors.toArray(Door[]::new);
    }
}
