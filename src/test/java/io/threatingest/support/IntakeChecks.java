package io.threatingest.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

/** What the tests of the intake doors check the same way: IDs against /entity, and what reached the broker. */
public final class IntakeChecks {

    private IntakeChecks() {
    }

    /** The ID {@code POST /entity?dryRun=true} gives a lone entity of this type and main value. */
    public static String dryRunId(String type, Object value) {
        Map<String, Object> entity = Map.of("type", type, "attributes", Map.of(type, value));
        return TestCredentials.reporter().contentType(ContentType.JSON).body(entity)
                .post("/api/ingest/v1/entity?dryRun=true").then().statusCode(200).extract().jsonPath().getString("id");
    }

    /** The report's object with this ref. */
    public static Map<String, Object> object(JsonPath answer, String ref) {
        List<Map<String, Object>> objects = answer.getList("objects");
        return objects.stream().filter(o -> ref.equals(o.get("ref"))).findFirst()
                .orElseThrow(() -> new AssertionError("no object " + ref + " in " + answer.prettify()));
    }

    /** Asserts the object's status and that its IDs are exactly those /entity gives for each (type, value). */
    @SuppressWarnings("unchecked")
    public static void assertAccepted(JsonPath answer, String ref, Object... typesAndValues) {
        Map<String, Object> object = object(answer, ref);
        assertEquals("accepted", object.get("status"), ref + ": " + object);
        Set<String> expected = new LinkedHashSet<>();
        for (int i = 0; i < typesAndValues.length; i += 2) {
            expected.add(dryRunId((String) typesAndValues[i], typesAndValues[i + 1]));
        }
        assertEquals(expected, new LinkedHashSet<>((List<String>) object.get("ids")), ref);
    }

    public static void assertNotMapped(JsonPath answer, String ref, String reasonPart) {
        Map<String, Object> object = object(answer, ref);
        assertEquals("not-mapped", object.get("status"), ref + ": " + object);
        assertTrue(String.valueOf(object.get("reason")).contains(reasonPart), ref + ": " + object.get("reason"));
    }

    @SuppressWarnings("unchecked")
    public static void assertRejected(JsonPath answer, String ref, String messagePart) {
        Map<String, Object> object = object(answer, ref);
        assertEquals("rejected", object.get("status"), ref + ": " + object);
        Map<String, Object> error = (Map<String, Object>) object.get("error");
        assertTrue(String.valueOf(error.get("message")).contains(messagePart), ref + ": " + error);
        assertEquals(object.get("pointer"), error.get("param"));
    }

    /** What the broker received for a report: every entity (by ID) and relation of every event it names. */
    public record Published(Map<String, JsonObject> entities, Set<String> relations, List<JsonObject> events) {

        /** Asserts {@code parent -> child} with this mode was published. */
        public void assertRelation(String parent, String child, String mode) {
            assertTrue(relations.contains(parent + " -" + mode + "-> " + child),
                    parent + " -" + mode + "-> " + child + " not in " + relations);
        }
    }

    /** Awaits every event the report names and asserts that every accepted ID is in them. */
    public static Published published(QueueReader queue, JsonPath answer) throws InterruptedException {
        Set<String> submissions = new LinkedHashSet<>(answer.getList("objects.submissionIds.flatten()", String.class));
        submissions.remove(null);
        assertTrue(!submissions.isEmpty(), "nothing published: " + answer.prettify());
        Map<String, JsonObject> entities = new LinkedHashMap<>();
        Set<String> relations = new LinkedHashSet<>();
        List<JsonObject> events = new ArrayList<>();
        for (String submission : submissions) {
            DeliveredEvent message = queue.await(submission, Duration.ofSeconds(10));
            assertNotNull(message, "event " + submission);
            JsonObject event = message.body().toJsonObject();
            events.add(event);
            event.getJsonArray("entities").forEach(e -> entities.put(((JsonObject) e).getString("id"), (JsonObject) e));
            event.getJsonArray("relations").forEach(r -> {
                JsonObject relation = (JsonObject) r;
                relations.add(relation.getString("entityID") + " -" + relation.getString("mode") + "-> "
                        + relation.getString("relatedEntityID"));
            });
        }
        for (String id : answer.getList("objects.ids.flatten()", String.class)) {
            assertTrue(id == null || entities.containsKey(id), id + " not published");
        }
        return new Published(entities, relations, events);
    }
}
