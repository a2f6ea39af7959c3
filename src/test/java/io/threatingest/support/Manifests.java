package io.threatingest.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The Kubernetes and Knative manifests under deploy/kubernetes, read as YAML documents. */
public final class Manifests {

    public static final Path ROOT = Path.of("deploy/kubernetes");
    /** The flavours, one directory each. */
    public static final List<String> FLAVOURS = List.of("jvm", "native");
    public static final List<String> FILES = List.of("kubernetes.yml", "knative.yml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    /** Every document of a multi-document YAML file; fails on anything that does not parse. */
    public static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(file.toFile());
                MappingIterator<JsonNode> values = YAML.readValues(parser, JsonNode.class)) {
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    /** Every manifest file of the repository (all flavours). */
    public static List<Path> all() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted()
                    .toList();
        }
    }

    /** The one document of this kind (and name, when given) in a file. */
    public static JsonNode one(List<JsonNode> documents, String kind, String name) {
        List<JsonNode> found = documents.stream().filter(d -> kind.equals(d.path("kind").asText()))
                .filter(d -> name == null || name.equals(d.path("metadata").path("name").asText())).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + (name == null ? "" : " " + name) + ", found "
                    + found.size());
        }
        return found.get(0);
    }

    /** A short identity of a document: kind/name. */
    public static String id(JsonNode document) {
        return document.path("kind").asText() + "/" + document.path("metadata").path("name").asText();
    }
}
