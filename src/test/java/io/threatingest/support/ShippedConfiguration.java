package io.threatingest.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The service's environment as the committed JVM manifest ({@code deploy/kubernetes/jvm/kubernetes.yml}) gives it to
 * the container: every ConfigMap and Secret its Deployment takes with {@code envFrom}, and the Secret it mounts as
 * files, written to a directory that stands for the mount path. Values the manifest leaves as placeholders (hosts,
 * passwords, keys) are replaced by the caller's test values, and only those: each replacement must name a variable
 * the manifest sets, so a manifest that renames or drops one fails the test that relies on it.
 */
public final class ShippedConfiguration {

    public static final Path MANIFEST = Manifests.ROOT.resolve("jvm").resolve("kubernetes.yml");

    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> mountedFiles = new LinkedHashMap<>();
    private final String mountPath;
    private final Path mountDirectory;

    private ShippedConfiguration(Path mountDirectory, String mountPath) {
        this.mountDirectory = mountDirectory;
        this.mountPath = mountPath;
    }

    /** Reads the manifest; the mounted Secret's files will be written under {@code mountDirectory}. */
    public static ShippedConfiguration read(Path mountDirectory) throws IOException {
        List<JsonNode> documents = Manifests.read(MANIFEST);
        JsonNode pod = Manifests.one(documents, "Deployment", "threat-ingest").path("spec").path("template")
                .path("spec");
        JsonNode container = pod.path("containers").get(0);
        JsonNode mount = container.path("volumeMounts").get(0);
        ShippedConfiguration shipped = new ShippedConfiguration(mountDirectory, mount.path("mountPath").asText());
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                shipped.putAll(shipped.environment, Manifests.one(documents, "ConfigMap",
                        source.path("configMapRef").path("name").asText()).path("data"));
            } else {
                shipped.putAll(shipped.environment, stringData(documents, source.path("secretRef").path("name")
                        .asText()));
            }
        }
        for (JsonNode entry : container.path("env")) {
            shipped.environment.put(entry.path("name").asText(), entry.path("value").asText());
        }
        String mountedVolume = mount.path("name").asText();
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.path("name").asText().equals(mountedVolume)) {
                shipped.putAll(shipped.mountedFiles, stringData(documents, volume.path("secret").path("secretName")
                        .asText()));
            }
        }
        return shipped;
    }

    private static JsonNode stringData(List<JsonNode> documents, String secret) {
        return Manifests.one(documents, "Secret", secret).path("stringData");
    }

    private void putAll(Map<String, String> into, JsonNode values) {
        Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            into.put(field.getKey(), field.getValue().asText());
        }
    }

    /** A variable's value as shipped. */
    public String get(String name) {
        String value = environment.get(name);
        if (value == null) {
            throw new AssertionError(MANIFEST + " sets no " + name);
        }
        return value;
    }

    /** Replaces the shipped value of a variable the manifest sets. */
    public ShippedConfiguration replace(String name, String value) {
        get(name);
        environment.put(name, value);
        return this;
    }

    /** Replaces the content of a file of the mounted Secret. */
    public ShippedConfiguration replaceFile(String name, String content) {
        if (!mountedFiles.containsKey(name)) {
            throw new AssertionError(MANIFEST + " mounts no file " + name);
        }
        mountedFiles.put(name, content);
        return this;
    }

    /**
     * The environment for the packaged jar: the mounted files written out, and every value that points into the
     * mount path pointed at the directory instead.
     */
    public Map<String, String> environment() throws IOException {
        Files.createDirectories(mountDirectory);
        for (Map.Entry<String, String> file : mountedFiles.entrySet()) {
            Files.writeString(mountDirectory.resolve(file.getKey()), file.getValue());
        }
        Map<String, String> result = new LinkedHashMap<>();
        environment.forEach((name, value) -> result.put(name, value.startsWith(mountPath + "/")
                ? mountDirectory.resolve(value.substring(mountPath.length() + 1)).toString()
                : value));
        return result;
    }

    /** The variables the manifest sets, for messages. */
    public Set<String> names() {
        return new TreeSet<>(environment.keySet());
    }
}
