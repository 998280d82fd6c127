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
            "gateway", "public-web");
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
            dependsOn.forEach((name, condition) -> assertThat((Map<String, Object>) condition).as(name)
                    .containsEntry("condition", name.endsWith("-init") ? "service_completed_successfully"
                            : "service_healthy"));
        }
        String keycloak = services.get("keycloak").toString();
        assertThat(keycloak).contains("./deploy/keycloak/compose/demo-${DEMO:-false}:/opt/keycloak/data/import",
                "--import-realm");
    }

    /** What a deployment inherits from this file must be safe (issue: deployment defaults). */
    @Test
    @SuppressWarnings("unchecked")
    void theDefaultsAreSafeToInherit() throws IOException {
        Map<String, Object> services = services();
        // Databases and the broker are reached on the compose network only.
        for (String infrastructure : List.of("postgres", "kafka", "kafka-init")) {
            assertThat((Map<String, Object>) services.get(infrastructure)).as(infrastructure)
                    .doesNotContainKey("ports");
        }
        // Keycloak in production mode; the realm without demo accounts unless DEMO=true.
        List<String> command = (List<String>) ((Map<String, Object>) services.get("keycloak")).get("command");
        assertThat(command).contains("start").doesNotContain("start-dev");
        assertThat(ROOT.resolve("deploy/keycloak/compose/demo-false/vnn-realm.json")).exists();
        assertThat(Files.readString(ROOT.resolve("deploy/keycloak/compose/demo-false/vnn-realm.json")))
                .doesNotContain("demo.vnn.local").doesNotContain("vnn-cli").doesNotContain("partner-demo");
        // Every secret comes from the environment (.env), none is written in the file.
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        Matcher secret = Pattern.compile("(?m)^\\s*([A-Z_]*PASSWORD[A-Z_]*):\\s*(.*)$").matcher(text);
        int secrets = 0;
        while (secret.find()) {
            secrets++;
            assertThat(secret.group(2)).as(secret.group(1)).matches("\\$\\{[A-Z_]+:\\?[^}]*}");
        }
        assertThat(secrets).isGreaterThan(10);
        // Each service: its database's application role (the owner only migrates), its own Kafka user over SASL.
        for (String module : List.of("household-service", "fund-service", "emulation-service")) {
            Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) services.get(module))
                    .get("environment");
            String db = module.substring(0, module.indexOf('-'));
            assertThat(env).containsEntry("DB_USERNAME", db + "_app").containsEntry("DB_OWNER_USERNAME",
                    db + "_owner").containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
            assertThat((String) env.get("KAFKA_SASL_JAAS_CONFIG")).contains("username=\"" + module + "\"");
        }
        String acls = Files.readString(ROOT.resolve("deploy/kafka/acls.sh"));
        assertThat(acls).contains("writes \"${owned%%.*}-service\" \"$owned\"");
        assertThat(Files.readString(ROOT.resolve("deploy/kafka/broker.sh")))
                .contains("allow.everyone.if.no.acl.found=false", "SCRAM-SHA-512");
    }

    static int defaultPort(String module) throws IOException {
        Matcher matcher = Pattern.compile("quarkus\\.http\\.port=\\$\\{HTTP_PORT:(\\d+)}")
                .matcher(Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.properties")));
        assertThat(matcher.find()).as(module + " declares quarkus.http.port=${HTTP_PORT:...}").isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    static Set<String> variablesRead(String module) throws IOException {
        Set<String> names = new HashSet<>();
        collect(ROOT.resolve(module).resolve("src/main/resources/application.properties"), names);
        if (!module.equals("gateway") && !module.equals("public-web")) {
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
