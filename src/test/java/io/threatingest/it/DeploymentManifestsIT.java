package io.threatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.threatingest.support.JsonDiff;
import io.threatingest.support.Manifests;

/**
 * The committed manifests are what the build generates (quarkus-kubernetes writes target/kubernetes during
 * package): a configuration change that is not regenerated fails here. Compared as documents, since the
 * generator does not keep the order of labels from one build to the next. The JVM flavour is checked after every
 * build; scripts/check-native-ready.sh checks the native one with {@code -Dmanifests.flavour=native}.
 */
class DeploymentManifestsIT {

    @Test
    void committedManifestsAreTheGeneratedOnes() throws IOException {
        String flavour = System.getProperty("manifests.flavour", "jvm");
        for (String file : Manifests.FILES) {
            Map<String, JsonNode> generated = byId(Manifests.read(Path.of("target/kubernetes", file)));
            Map<String, JsonNode> committed = byId(Manifests.read(Manifests.ROOT.resolve(flavour).resolve(file)));

            assertEquals(generated.keySet(), committed.keySet(), file + ": resources");
            for (String id : generated.keySet()) {
                assertEquals(List.of(), JsonDiff.differences(generated.get(id), committed.get(id)),
                        "deploy/kubernetes/" + flavour + "/" + file + " " + id
                                + " differs from the build's output: run scripts/generate-manifests.sh");
            }
        }
    }

    private static Map<String, JsonNode> byId(List<JsonNode> documents) {
        Map<String, JsonNode> map = new TreeMap<>();
        documents.forEach(document -> map.put(Manifests.id(document), document));
        return map;
    }
}
