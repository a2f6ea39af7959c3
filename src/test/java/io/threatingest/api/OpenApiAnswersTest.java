package io.threatingest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.SmallLimitsProfile;
import io.threatingest.support.TestCredentials;
import io.vertx.core.json.JsonObject;

/**
 * Every answer an operation gives is declared in the served OpenAPI document: each operation is called the way
 * clients get it right and each way they get it wrong (no credentials, a missing role, an Accept without JSON,
 * a body that is malformed, of another media type or over the limit, a caller over its rate limit), and every
 * status seen must be among the operation's documented responses. The 503 of a broker outage is provoked in
 * {@code BrokerOutageTest}. The limits (a body of 4 KiB, a burst of three requests) are those of the start this class
 * shares, {@link SmallLimitsProfile}; every call is made as a caller of its own.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
@TestProfile(SmallLimitsProfile.class)
class OpenApiAnswersTest {

    /** A caller of its own (its own rate-limit bucket) holding {@code roles}. */
    private static RequestSpecification caller(List<String> roles) {
        return TestCredentials.freshCaller("answers", roles.toArray(String[]::new));
    }

    private record Call(String kind, Function<RequestSpecification, RequestSpecification> shape, List<String> roles) {
    }

    @Test
    void everyAnswerOfEveryOperationIsDocumented() {
        JsonObject paths = new JsonObject(given().accept("application/json").get("/q/openapi").asString())
                .getJsonObject("paths");
        List<String> undocumented = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String template : paths.fieldNames()) {
            String path = template.replaceAll("\\{[^}]+}", "0191d3a0-5f7e-7c3b-9a1e-0b1c2d3e4f50");
            JsonObject item = paths.getJsonObject(template);
            for (String method : item.fieldNames()) {
                JsonObject operation = item.getJsonObject(method);
                Set<String> documented = operation.getJsonObject("responses").fieldNames();
                String id = method.toUpperCase() + " " + template;
                for (Call call : calls(operation)) {
                    int status = call.shape().apply(call.roles() == null ? given() : caller(call.roles()))
                            .request(method.toUpperCase(), path).statusCode();
                    seen.add(call.kind() + " " + status);
                    if (!documented.contains(Integer.toString(status))) {
                        undocumented
                                .add(id + ": " + call.kind() + " answered " + status + ", documented " + documented);
                    }
                }
                int limited = 0;
                RequestSpecification sameCaller = caller(List.of("admin"));
                for (int i = 0; i < 5; i++) {
                    limited = valid(operation).apply(sameCaller).request(method.toUpperCase(), path).statusCode();
                }
                seen.add("over the rate limit " + limited);
                if (!documented.contains(Integer.toString(limited))) {
                    undocumented.add(id + ": over the rate limit answered " + limited + ", documented " + documented);
                }
            }
        }
        assertEquals(List.of(), undocumented, "answers seen: " + seen);
        // the calls did provoke what they are meant to, so the check above could fail
        for (String expected : List.of("no credentials 401", "missing role 403", "Accept without JSON 406",
                "malformed body 400", "body of another type 415", "body over the limit 413",
                "over the rate limit 429")) {
            assertEquals(true, seen.contains(expected), "never seen: " + expected + " in " + seen);
        }
    }

    private static List<Call> calls(JsonObject operation) {
        List<Call> calls = new ArrayList<>(List.of(
                new Call("valid", valid(operation), List.of("admin")),
                new Call("no credentials", valid(operation), null),
                new Call("missing role", valid(operation), List.of("user")),
                new Call("Accept without JSON", valid(operation).andThen(r -> r.accept("text/csv")),
                        List.of("admin"))));
        if (operation.containsKey("requestBody")) {
            String type = mediaType(operation);
            calls.add(new Call("malformed body", r -> exactType(r).contentType(type).body("{\"type\":"),
                    List.of("admin")));
            calls.add(new Call("body of another type", r -> r.contentType("text/plain").body("203.0.113.1"),
                    List.of("admin")));
            calls.add(new Call("body over the limit", r -> exactType(r).contentType(type)
                    .body("{\"comment\":\"" + "x".repeat(5_000) + "\"}"), List.of("admin")));
        }
        return calls;
    }

    /** The operation's own example body, when it takes one. */
    private static Function<RequestSpecification, RequestSpecification> valid(JsonObject operation) {
        JsonObject body = operation.getJsonObject("requestBody");
        if (body == null) {
            return r -> r;
        }
        String type = mediaType(operation);
        JsonObject examples = body.getJsonObject("content").getJsonObject(type).getJsonObject("examples");
        Object example = examples.getJsonObject(examples.fieldNames().iterator().next()).getValue("value");
        String json = example instanceof JsonObject object ? object.encode() : example.toString();
        return r -> exactType(r).contentType(type).body(json);
    }

    /** The operation's JSON body type: application/json, else its first (TAXII's). */
    private static String mediaType(JsonObject operation) {
        JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
        return content.containsKey("application/json") ? "application/json" : content.fieldNames().iterator().next();
    }

    /** No charset appended to a media type the client does not know. */
    private static RequestSpecification exactType(RequestSpecification request) {
        return request.config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                .encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }
}
