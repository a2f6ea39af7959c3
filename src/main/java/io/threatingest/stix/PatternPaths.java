package io.threatingest.stix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The object paths a pattern may compare, and how the comparisons of one way to match become observables shaped
 * like the SCOs of a document, so that the observable mapping applies to them unchanged.
 */
final class PatternPaths {

    /** How a path sets a property of the observable it builds. */
    private enum Form {
        /** {@code type:property}. */
        PROPERTY,
        /** {@code type:hashes.<algorithm>}. */
        HASH,
        /** {@code email-message:from_ref.value}: the value of a referenced e-mail address. */
        ADDRESS_REF,
        /** {@code domain-name:resolves_to_refs[*].value}: one more address or domain the domain resolves to. */
        RESOLVES_TO
    }

    private record Spec(Form form, String property, boolean integer) {
    }

    private static final Map<String, Spec> SPECS = Map.ofEntries(property("ipv4-addr", "value"),
            property("ipv6-addr", "value"), property("domain-name", "value"), property("url", "value"),
            property("email-addr", "value"), property("mac-addr", "value"),
            Map.entry("autonomous-system:number", new Spec(Form.PROPERTY, "number", true)),
            property("file", "name"), property("artifact", "url"), property("x509-certificate", "issuer"),
            property("windows-registry-key", "key"),
            property("user-account", "account_login"), property("user-account", "user_id"),
            property("process", "command_line"), property("directory", "path"), property("software", "cpe"),
            property("email-message", "subject"), property("email-message", "message_id"),
            Map.entry("email-message:from_ref.value", new Spec(Form.ADDRESS_REF, "from_ref", false)),
            Map.entry("email-message:sender_ref.value", new Spec(Form.ADDRESS_REF, "sender_ref", false)),
            Map.entry("domain-name:resolves_to_refs.[*].value", new Spec(Form.RESOLVES_TO, "resolves_to_refs",
                    false)));

    private static Map.Entry<String, Spec> property(String type, String property) {
        return Map.entry(type + ":" + property, new Spec(Form.PROPERTY, property, false));
    }

    private PatternPaths() {
    }

    /** Throws unless the path is one of the mapped ones. */
    static void check(ObjectPath path) {
        spec(path);
    }

    private static Spec spec(ObjectPath path) {
        List<String> steps = path.steps();
        String type = path.objectType();
        if (steps.size() == 2 && steps.get(0).equals("hashes")
                && (type.equals("file") || type.equals("artifact") || type.equals("x509-certificate"))) {
            // a certificate fingerprint is hex whatever the algorithm; a file hash needs a catalogue type
            if (type.equals("x509-certificate") || HashNames.catalogueType(steps.get(1)) != null) {
                return new Spec(Form.HASH, steps.get(1), false);
            }
            throw new PatternException("path " + Json.shorten(path.text())
                    + " is not mapped (the catalogue has no type for that hash)");
        }
        Spec spec = SPECS.get(type + ":" + String.join(".", steps));
        if (spec == null) {
            throw new PatternException("path " + Json.shorten(path.text()) + " is not mapped");
        }
        return spec;
    }

    /**
     * The observables one way to match describes: one per object type, in the order the types first appear.
     *
     * @param referenced receives the objects the observables reference (e-mail addresses, resolved addresses)
     */
    static List<ObjectNode> observables(List<Comparison> way, Map<String, JsonNode> referenced) {
        Map<String, ObjectNode> byType = new LinkedHashMap<>();
        for (Comparison comparison : way) {
            ObjectPath path = comparison.path();
            Spec spec = spec(path);
            if (spec.integer() != comparison.integer()) {
                throw new PatternException(Json.shorten(path.text()) + " takes "
                        + (spec.integer() ? "an integer" : "a string"));
            }
            JsonNode value = comparison.integer()
                    ? JsonNodeFactory.instance.numberNode(new java.math.BigInteger(comparison.value()))
                    : JsonNodeFactory.instance.textNode(comparison.value());
            ObjectNode observable = byType.computeIfAbsent(path.objectType(),
                    type -> JsonNodeFactory.instance.objectNode().put("type", type));
            switch (spec.form()) {
                case PROPERTY -> set(observable, spec.property(), value, path);
                case HASH -> {
                    ObjectNode hashes = observable.has("hashes")
                            ? (ObjectNode) observable.get("hashes")
                            : observable.putObject("hashes");
                    String algorithm = path.objectType().equals("x509-certificate")
                            ? spec.property()
                            : HashNames.catalogueType(spec.property());
                    set(hashes, algorithm, value, path);
                }
                case ADDRESS_REF -> {
                    JsonNode existing = referenced.get(observable.path(spec.property()).asText());
                    if (existing != null) {
                        set((ObjectNode) existing, "value", value, path);
                    } else {
                        observable.put(spec.property(), reference(referenced, "email-addr", value));
                    }
                }
                case RESOLVES_TO -> {
                    ArrayNode refs = observable.has(spec.property())
                            ? (ArrayNode) observable.get(spec.property())
                            : observable.putArray(spec.property());
                    refs.add(reference(referenced, AddressShape.stixType(comparison.value()), value));
                }
            }
        }
        return new ArrayList<>(byType.values());
    }

    private static void set(ObjectNode object, String property, JsonNode value, ObjectPath path) {
        JsonNode existing = object.get(property);
        if (existing != null && !existing.equals(value)) {
            throw new PatternException(Json.shorten(path.text()) + " is compared with two different values joined "
                    + "by AND");
        }
        object.set(property, value);
    }

    private static String reference(Map<String, JsonNode> referenced, String type, JsonNode value) {
        String id = type + "--pattern-" + referenced.size();
        ObjectNode object = JsonNodeFactory.instance.objectNode().put("type", type).put("id", id);
        object.set("value", value);
        referenced.put(id, object);
        return id;
    }
}
