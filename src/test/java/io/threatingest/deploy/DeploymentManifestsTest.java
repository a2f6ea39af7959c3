package io.threatingest.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threatingest.config.IngestConfig;
import io.threatingest.support.AuthFixtureResource;
import io.threatingest.support.EmbeddedBrokerResource;
import io.threatingest.support.Manifests;

/**
 * The committed deployment files fit the service they deploy: every manifest parses; the probes of each flavour
 * call health endpoints that answer 200 on the running service, on the port it listens on; Service, HPA, PDB and
 * NetworkPolicy point at the workload's pods and port; what the pods reference is declared; pods run as the
 * images' non-root user with a read-only root filesystem and bounded resources; the Artemis configuration
 * declares the service's queues.
 */
@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
@WithTestResource(AuthFixtureResource.class)
class DeploymentManifestsTest {

    private static final Map<String, String> PROBES = Map.of("startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");

    /** The port the service listens on when deployed (tests run it on a free port instead). */
    private final int httpPort = deployedHttpPort();

    @Inject
    IngestConfig config;

    static List<String> flavours() {
        return Manifests.FLAVOURS;
    }

    @Test
    void everyManifestParsesAndNamesItsKind() throws IOException {
        List<Path> files = Manifests.all();
        // the flavours' files, and the PrometheusRule both share (scripts/prometheus-rule.sh)
        assertEquals(Manifests.FLAVOURS.size() * Manifests.FILES.size() + 1, files.size(), files.toString());
        for (Path file : files) {
            List<JsonNode> documents = Manifests.read(file);
            assertFalse(documents.isEmpty(), file + " is empty");
            for (JsonNode document : documents) {
                assertTrue(document.hasNonNull("apiVersion") && document.hasNonNull("kind")
                        && document.path("metadata").hasNonNull("name"), file + ": " + document);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("flavours")
    void deploymentProbesPortsAndSecurityFitTheService(String flavour) throws IOException {
        List<JsonNode> documents = Manifests.read(Manifests.ROOT.resolve(flavour).resolve("kubernetes.yml"));
        JsonNode deployment = Manifests.one(documents, "Deployment", "threat-ingest");
        JsonNode pod = deployment.path("spec").path("template");
        JsonNode container = onlyContainer(pod);

        int containerPort = httpPort(container);
        assertEquals(httpPort, containerPort, "container port = quarkus.http.port");
        assertProbes(container, containerPort, true);
        assertHardened(pod.path("spec").path("securityContext"), container);
        assertDeclared(documents, container, pod.path("spec").path("volumes"));

        Map<String, String> podLabels = labels(pod.path("metadata").path("labels"));
        JsonNode service = Manifests.one(documents, "Service", "threat-ingest");
        assertSelects(podLabels, service.path("spec").path("selector"), "Service");
        JsonNode servicePort = service.path("spec").path("ports").get(0);
        assertTrue(servicePort.path("targetPort").asText().equals(Integer.toString(containerPort))
                || servicePort.path("targetPort").asText().equals("http"), "Service targets the HTTP port");

        JsonNode hpa = Manifests.one(documents, "HorizontalPodAutoscaler", null);
        assertEquals("Deployment", hpa.path("spec").path("scaleTargetRef").path("kind").asText());
        assertEquals("threat-ingest", hpa.path("spec").path("scaleTargetRef").path("name").asText());
        JsonNode pdb = Manifests.one(documents, "PodDisruptionBudget", null);
        assertSelects(podLabels, pdb.path("spec").path("selector").path("matchLabels"), "PodDisruptionBudget");
        assertTrue(pdb.path("spec").path("minAvailable").asInt() < hpa.path("spec").path("minReplicas").asInt(),
                "the PDB leaves room to drain a node at the HPA's minimum");

        JsonNode policy = Manifests.one(documents, "NetworkPolicy", null);
        assertSelects(podLabels, policy.path("spec").path("podSelector").path("matchLabels"), "NetworkPolicy");
        assertEquals(Set.of(containerPort), ports(policy.path("spec").path("ingress")), "ingress: the HTTP port");
        int brokerPort = Manifests.one(documents, "ConfigMap", "threat-ingest-config").path("data")
                .path("INGEST_BROKER_PORT").asInt();
        assertTrue(ports(policy.path("spec").path("egress")).contains(brokerPort),
                "egress reaches the broker port the ConfigMap names");
    }

    @ParameterizedTest
    @MethodSource("flavours")
    void knativeServiceFitsTheService(String flavour) throws IOException {
        List<JsonNode> documents = Manifests.read(Manifests.ROOT.resolve(flavour).resolve("knative.yml"));
        JsonNode service = Manifests.one(documents, "Service", "threat-ingest");
        assertEquals("serving.knative.dev/v1", service.path("apiVersion").asText());
        JsonNode template = service.path("spec").path("template");
        JsonNode container = onlyContainer(template);

        assertEquals(httpPort, httpPort(container), "container port = quarkus.http.port");
        assertProbes(container, httpPort, false);
        assertHardened(container.path("securityContext"), container);
        assertDeclared(documents, container, template.path("spec").path("volumes"));
        assertTrue(template.path("metadata").path("annotations").has("autoscaling.knative.dev/max-scale"));
    }

    @Test
    void imagesRunAsTheUserTheManifestsRequire() throws IOException {
        Set<String> users = new TreeSet<>();
        for (String flavour : Manifests.FLAVOURS) {
            JsonNode pod = Manifests.one(Manifests.read(Manifests.ROOT.resolve(flavour).resolve("kubernetes.yml")),
                    "Deployment", "threat-ingest").path("spec").path("template").path("spec");
            users.add(pod.path("securityContext").path("runAsUser").asText());
            JsonNode knative = Manifests.one(Manifests.read(Manifests.ROOT.resolve(flavour).resolve("knative.yml")),
                    "Service", "threat-ingest").path("spec").path("template");
            users.add(onlyContainer(knative).path("securityContext").path("runAsUser").asText());
        }
        assertEquals(1, users.size(), "one user in every manifest: " + users);
        for (String dockerfile : List.of("Dockerfile.jvm", "Dockerfile.native-micro", "Dockerfile.native")) {
            String text = Files.readString(Path.of("src/main/docker", dockerfile));
            Matcher user = Pattern.compile("(?m)^USER (\\d+)").matcher(text);
            String last = null;
            while (user.find()) {
                last = user.group(1);
            }
            assertEquals(users.iterator().next(), last, dockerfile + " ends as the manifests' runAsUser");
            assertTrue(text.contains("EXPOSE " + httpPort), dockerfile + " exposes quarkus.http.port");
        }
    }

    @Test
    void artemisConfigurationDeclaresTheServiceQueuesDurableAndAnycast() throws Exception {
        org.w3c.dom.Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("deploy/artemis/broker-addresses.xml").toFile());
        NodeList addresses = xml.getElementsByTagName("address");
        Set<String> declared = new TreeSet<>();
        for (int i = 0; i < addresses.getLength(); i++) {
            Element address = (Element) addresses.item(i);
            Element anycast = (Element) address.getElementsByTagName("anycast").item(0);
            Element queue = (Element) anycast.getElementsByTagName("queue").item(0);
            assertEquals(address.getAttribute("name"), queue.getAttribute("name"));
            assertEquals("true", queue.getElementsByTagName("durable").item(0).getTextContent().strip());
            declared.add(address.getAttribute("name"));
        }
        assertEquals(new TreeSet<>(config.addresses().all()), declared);
    }

    private static int deployedHttpPort() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Integer.parseInt(properties.getProperty("quarkus.http.port", "8080"));
    }

    private static JsonNode onlyContainer(JsonNode podTemplate) {
        JsonNode containers = podTemplate.path("spec").path("containers");
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static int httpPort(JsonNode container) {
        JsonNode ports = container.path("ports");
        assertEquals(1, ports.size(), "one port: HTTP");
        return ports.get(0).path("containerPort").asInt();
    }

    /** Each probe calls its health endpoint on the container's port, and that endpoint answers 200 here. */
    private static void assertProbes(JsonNode container, int containerPort, boolean startupRequired) {
        for (Map.Entry<String, String> probe : PROBES.entrySet()) {
            JsonNode get = container.path(probe.getKey()).path("httpGet");
            if (get.isMissingNode() && !startupRequired && probe.getKey().equals("startupProbe")) {
                continue;
            }
            assertEquals(probe.getValue(), get.path("path").asText(), probe.getKey());
            JsonNode port = get.path("port");
            assertTrue(port.isNull() || port.asInt() == containerPort, probe.getKey() + " port");
            given().get(probe.getValue()).then().statusCode(200);
        }
    }

    private static void assertHardened(JsonNode runAs, JsonNode container) {
        assertTrue(runAs.path("runAsNonRoot").asBoolean(), "runAsNonRoot");
        assertNotEquals(0, runAs.path("runAsUser").asInt(0), "a numeric non-root user");
        JsonNode security = container.path("securityContext");
        assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), "read-only root filesystem");
        assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), "no privilege escalation");
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertTrue(container.path("resources").path(bound).hasNonNull(resource), bound + "." + resource);
            }
        }
        boolean writableTmp = false;
        for (JsonNode mount : container.path("volumeMounts")) {
            writableTmp |= mount.path("mountPath").asText().equals("/tmp") && !mount.path("readOnly").asBoolean();
        }
        assertTrue(writableTmp, "/tmp is the one writable mount");
    }

    /** ConfigMaps and Secrets the container reads are part of the same manifest. */
    private static void assertDeclared(List<JsonNode> documents, JsonNode container, JsonNode volumes) {
        Set<String> present = documents.stream().map(Manifests::id).collect(Collectors.toSet());
        Set<String> referenced = new HashSet<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                referenced.add("ConfigMap/" + source.path("configMapRef").path("name").asText());
            }
            if (source.has("secretRef")) {
                referenced.add("Secret/" + source.path("secretRef").path("name").asText());
            }
        }
        for (JsonNode volume : volumes) {
            if (volume.has("secret")) {
                referenced.add("Secret/" + volume.path("secret").path("secretName").asText());
            }
        }
        assertTrue(referenced.contains("ConfigMap/threat-ingest-config"), referenced.toString());
        assertTrue(referenced.contains("Secret/threat-ingest-credentials"), referenced.toString());
        assertTrue(present.containsAll(referenced), "declared: " + present + ", referenced: " + referenced);
    }

    private static void assertSelects(Map<String, String> podLabels, JsonNode selector, String what) {
        Map<String, String> wanted = labels(selector);
        assertFalse(wanted.isEmpty(), what + " selects something");
        assertTrue(podLabels.entrySet().containsAll(wanted.entrySet()), what + " selects the pods: " + wanted);
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new HashMap<>();
        labels.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static Set<Integer> ports(JsonNode rules) {
        Set<Integer> ports = new HashSet<>();
        for (JsonNode rule : rules) {
            for (JsonNode port : rule.path("ports")) {
                ports.add(port.path("port").asInt());
            }
        }
        return ports;
    }
}
