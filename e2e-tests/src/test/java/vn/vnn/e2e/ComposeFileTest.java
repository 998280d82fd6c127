package vn.vnn.e2e;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docker cannot run on the machines that build this project, so the compose file is checked by reading it: every
 * service module has a service with a healthcheck, the ports are the services' own, and every environment variable
 * it sets is one the service's configuration reads.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("vnn.repo.root", "..")).toAbsolutePath().normalize();
    private static final List<String> MODULES = List.of("household-service", "fund-service", "emulation-service",
            "gateway");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Object>) compose.get("services");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceModuleIsAComposeServiceWithAHealthcheckAndItsOwnPort() throws IOException {
        Map<String, Object> services = services();
        for (String module : MODULES) {
            assertThat(services).as("compose service for " + module).containsKey(module);
            Map<String, Object> service = (Map<String, Object>) services.get(module);
            assertThat(service).as(module + " healthcheck").containsKey("healthcheck");

            Map<String, Object> build = (Map<String, Object>) service.get("build");
            assertThat(build.get("context")).isEqualTo("./" + module);
            assertThat(ROOT.resolve(module).resolve((String) build.get("dockerfile"))).exists();

            int port = defaultPort(module);
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertThat(String.valueOf(env.get("HTTP_PORT"))).as(module + " HTTP_PORT").isEqualTo(String.valueOf(port));
            assertThat((List<String>) service.get("ports")).as(module + " ports").contains(port + ":" + port);
            String healthcheck = String.join(" ", (List<String>) ((Map<String, Object>) service.get("healthcheck"))
                    .get("test"));
            assertThat(healthcheck).contains("localhost:" + port + "/q/health/ready");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeSetsOnlyVariablesThatTheServicesRead() throws IOException {
        Map<String, Object> services = services();
        for (String module : MODULES) {
            Set<String> read = variablesRead(module);
            Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) services.get(module))
                    .get("environment");
            assertThat(read).as(module + " reads every variable compose sets").containsAll(env.keySet());
        }
        // The local stack passes the same names.
        String localStack = Files.readString(ROOT.resolve(
                "local-stack/src/main/java/vn/vnn/localstack/LocalStack.java"));
        for (String name : List.of("DB_URL", "DB_USERNAME", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
                "OIDC_AUTH_SERVER_URL", "HTTP_PORT", "HOUSEHOLD_SERVICE_URL", "FUND_SERVICE_URL",
                "EMULATION_SERVICE_URL")) {
            assertThat(localStack).contains("\"" + name + "\"");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesWaitForHealthyDependenciesAndInfrastructureHasHealthchecks() throws IOException {
        Map<String, Object> services = services();
        for (String infrastructure : List.of("postgres", "kafka", "keycloak")) {
            assertThat((Map<String, Object>) services.get(infrastructure)).containsKey("healthcheck");
        }
        for (String module : MODULES) {
            Map<String, Object> dependsOn = (Map<String, Object>) ((Map<String, Object>) services.get(module))
                    .get("depends_on");
            assertThat(dependsOn).as(module + " depends_on").isNotEmpty();
            dependsOn.values().forEach(condition -> assertThat((Map<String, Object>) condition)
                    .containsEntry("condition", "service_healthy"));
        }
        String keycloak = services.get("keycloak").toString();
        assertThat(keycloak).contains("./deploy/keycloak:/opt/keycloak/data/import", "--import-realm");
    }

    private static int defaultPort(String module) throws IOException {
        Matcher matcher = Pattern.compile("quarkus\\.http\\.port=\\$\\{HTTP_PORT:(\\d+)}")
                .matcher(Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.properties")));
        assertThat(matcher.find()).as(module + " declares quarkus.http.port=${HTTP_PORT:...}").isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static Set<String> variablesRead(String module) throws IOException {
        Set<String> names = new HashSet<>();
        collect(ROOT.resolve(module).resolve("src/main/resources/application.properties"), names);
        if (!module.equals("gateway")) {
            collect(ROOT.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"), names);
        }
        return names;
    }

    private static void collect(Path file, Set<String> names) throws IOException {
        Matcher matcher = ENV_REFERENCE.matcher(Files.readString(file));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
    }
}
