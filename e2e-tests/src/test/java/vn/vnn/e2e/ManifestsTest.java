package vn.vnn.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No cluster runs on the machines that build this project, so the Kubernetes manifests are checked by reading them
 * with fabric8's Kubernetes model: every service module has a Deployment of two replicas with its image, its port and
 * the three probes on the health endpoints, a Service, a PodDisruptionBudget and an autoscaler; every environment
 * variable the manifests set is one the service's configuration reads; every secret they name is provided.
 */
class ManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("vnn.repo.root", "..")).toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final List<String> MODULES = List.of("household-service", "fund-service", "emulation-service",
            "gateway", "public-web");

    private static List<HasMetadata> load(Path file) throws IOException {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : Files.readString(file).split("(?m)^---\\s*$")) {
            if (document.lines().anyMatch(line -> line.startsWith("kind:"))) {
                resources.add(Serialization.unmarshal(document));
            }
        }
        return resources;
    }

    private static <T extends HasMetadata> T only(List<HasMetadata> resources, Class<T> kind, String name) {
        List<T> found = resources.stream().filter(kind::isInstance).map(kind::cast)
                .filter(r -> r.getMetadata().getName().equals(name)).toList();
        assertThat(found).as("%s %s", kind.getSimpleName(), name).hasSize(1);
        return found.get(0);
    }

    @Test
    void everyServiceRunsTwiceWithItsImagePortAndProbes() throws IOException {
        for (String module : MODULES) {
            List<HasMetadata> resources = load(K8S.resolve(module + ".yaml"));
            int port = ComposeFileTest.defaultPort(module);
            Deployment deployment = only(resources, Deployment.class, module);
            assertThat(deployment.getSpec().getReplicas()).as(module + " replicas").isEqualTo(2);
            Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getImage()).isEqualTo("vnn/" + module);
            assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(port);
            assertThat(container.getPorts().get(0).getName()).isEqualTo("http");
            assertThat(env(container)).containsEntry("HTTP_PORT", String.valueOf(port));
            assertProbe(container.getStartupProbe(), "/q/health/started");
            assertProbe(container.getReadinessProbe(), "/q/health/ready");
            assertProbe(container.getLivenessProbe(), "/q/health/live");
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
            assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();

            Service service = only(resources, Service.class, module);
            assertThat(service.getSpec().getSelector()).isEqualTo(selector);
            assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(port);
            PodDisruptionBudget budget = only(resources, PodDisruptionBudget.class, module);
            assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(selector);
            assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
            HorizontalPodAutoscaler autoscaler = only(resources, HorizontalPodAutoscaler.class, module);
            assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(module);
            assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(2);
            assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(2);
        }
    }

    @Test
    void theManifestsSetOnlyVariablesThatTheServicesReadAndEverySecretTheyNameIsProvided() throws IOException {
        List<HasMetadata> config = load(K8S.resolve("config.yaml"));
        Set<String> secretKeys = new HashSet<>();
        for (String line : Files.readAllLines(K8S.resolve("secrets.env.example"))) {
            if (line.contains("=") && !line.startsWith("#")) {
                secretKeys.add(line.substring(0, line.indexOf('=')));
            }
        }
        for (String module : MODULES) {
            Container container = only(load(K8S.resolve(module + ".yaml")), Deployment.class, module).getSpec()
                    .getTemplate().getSpec().getContainers().get(0);
            Set<String> set = new HashSet<>(env(container).keySet());
            container.getEnvFrom().forEach(from -> set.addAll(only(config, ConfigMap.class,
                    from.getConfigMapRef().getName()).getData().keySet()));
            assertThat(ComposeFileTest.variablesRead(module)).as(module + " reads every variable its manifest sets")
                    .containsAll(set);
            for (EnvVar var : container.getEnv()) {
                if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef().getName().equals("vnn-secrets")) {
                    assertThat(secretKeys).as(module + " " + var.getName()).contains(
                            var.getValueFrom().getSecretKeyRef().getKey());
                }
            }
        }
        // The gateway reaches each service at its Service's name and port.
        Map<String, String> gateway = only(config, ConfigMap.class, "vnn-gateway-config").getData();
        for (String module : List.of("household-service", "fund-service", "emulation-service")) {
            String key = module.substring(0, module.indexOf('-')).toUpperCase() + "_SERVICE_URL";
            assertThat(gateway).containsEntry(key, "http://" + module + ":" + ComposeFileTest.defaultPort(module));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void kustomizeTakesEveryManifestAndTagsEveryImageWithTheProjectVersion() throws IOException {
        Map<String, Object> kustomization = new Yaml().load(Files.readString(K8S.resolve("kustomization.yaml")));
        List<String> listed = (List<String>) kustomization.get("resources");
        try (Stream<Path> files = Files.list(K8S)) {
            assertThat(listed).containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")).toList());
        }
        Matcher version = Pattern.compile("<artifactId>vnn-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        List<Map<String, String>> images = (List<Map<String, String>>) kustomization.get("images");
        for (String module : MODULES) {
            assertThat(images).contains(Map.of("name", "vnn/" + module, "newTag", version.group(1)));
        }
        assertThat(Files.readString(ROOT.resolve(".gitignore"))).contains("deploy/k8s/secrets.env");
    }

    /** The operators' resources parse, and Kafka's users and topics are those compose's acls.sh grants. */
    @Test
    void theOperatorExamplesMatchTheServices() throws IOException {
        List<HasMetadata> kafka = load(K8S.resolve("operators/kafka.yaml"));
        Set<String> users = new HashSet<>();
        Set<String> topics = new HashSet<>();
        for (HasMetadata resource : kafka) {
            assertThat(resource).isInstanceOf(GenericKubernetesResource.class);
            Map<String, Object> spec = (Map<String, Object>) ((GenericKubernetesResource) resource)
                    .getAdditionalProperties().get("spec");
            if (resource.getKind().equals("KafkaUser")) {
                users.add(resource.getMetadata().getName());
            } else if (resource.getKind().equals("KafkaTopic")) {
                topics.add((String) spec.get("topicName"));
            }
        }
        assertThat(users).containsExactlyInAnyOrder("household-service", "fund-service", "emulation-service");
        Matcher owned = Pattern.compile("(?m)^for owned in ([^;]+);").matcher(
                Files.readString(ROOT.resolve("deploy/kafka/acls.sh")).replace("\\\n", " "));
        assertThat(owned.find()).isTrue();
        assertThat(topics).containsAll(List.of(owned.group(1).trim().split("\\s+")));
        for (String module : List.of("household-service", "fund-service", "emulation-service")) {
            Container container = only(load(K8S.resolve(module + ".yaml")), Deployment.class, module).getSpec()
                    .getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getEnv()).anyMatch(var -> var.getName().equals("KAFKA_SASL_JAAS_CONFIG")
                    && var.getValueFrom().getSecretKeyRef().getName().equals(module));
        }
        List<HasMetadata> postgres = load(K8S.resolve("operators/postgres.yaml"));
        Set<String> databases = new HashSet<>();
        postgres.stream().filter(r -> r.getKind().equals("Database")).forEach(r -> databases.add(r.getMetadata().getName()));
        assertThat(databases).contains("household", "fund", "emulation", "gateway");
        assertThat(load(K8S.resolve("operators/keycloak.yaml"))).extracting(HasMetadata::getKind).contains("Keycloak");
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    private static Map<String, String> env(Container container) {
        Map<String, String> env = new java.util.HashMap<>();
        container.getEnv().forEach(var -> env.put(var.getName(), var.getValue()));
        return env;
    }
}
