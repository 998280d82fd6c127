package vn.vnn.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackConfigTest {

    private static final Path REALM = StackConfig.findRepoRoot(Path.of("").toAbsolutePath())
            .resolve("deploy/keycloak/vnn-realm.json");

    @Test
    void defaultsAndEnvironmentOverrides() {
        StackConfig config = StackConfig.fromCommandLine(new String[0], Map.of(
                "GATEWAY_PORT", "9080", "KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
                "FUND_DB_URL", "jdbc:postgresql://db/fund"));
        assertThat(config.ports().gateway()).isEqualTo(9080);
        assertThat(config.ports().household()).isEqualTo(8081);
        assertThat(config.external().kafkaBootstrapServers()).contains("broker:9092");
        assertThat(config.external().fundDbUrl()).contains("jdbc:postgresql://db/fund");
        assertThat(config.external().householdDbUrl()).isEmpty();
        assertThat(config.demoAccounts()).isTrue();
        assertThat(config.fresh()).isFalse();
        assertThat(config.dataDir().getFileName().toString()).isEqualTo(".local");
    }

    @Test
    void options() {
        StackConfig config = StackConfig.fromCommandLine(new String[]{"--fresh", "--no-demo-accounts",
                "--only=postgres,kafka", "--free-ports", "--databases=kit"}, Map.of());
        assertThat(config.fresh()).isTrue();
        assertThat(config.demoAccounts()).isFalse();
        assertThat(config.components()).containsExactlyInAnyOrder(Component.POSTGRES, Component.KAFKA);
        assertThat(config.databases()).containsExactly("kit");
        StackConfig resolved = config.withFreePorts();
        assertThat(resolved.ports().postgres()).isPositive();
        assertThat(resolved.ports().kafka()).isPositive().isNotEqualTo(resolved.ports().postgres());
        assertThatThrownBy(() -> StackConfig.fromCommandLine(new String[]{"--frsh"}, Map.of()))
                .isInstanceOf(StackConfig.UsageException.class).hasMessageContaining("--frsh");
    }

    @Test
    void theRealmKeepsDemoAccountsUnlessAskedNotTo() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode demo = mapper.readTree(KeycloakServer.realmForImport(REALM, true, 18080));
        assertThat(names(demo.get("users"), "username")).contains("admin", "fund.officer", "emulation.officer",
                "council.member", "commune.officer", "commune.chairman", "fund.approver", "service-account-partner-demo",
                "fund.officer.99111", "commune.councillor");
        assertThat(names(demo.get("clients"), "clientId")).contains("vnn-web", "vnn-cli", "partner-demo");

        JsonNode clean = mapper.readTree(KeycloakServer.realmForImport(REALM, false, 18080));
        assertThat(names(clean.get("users"), "username")).isEmpty();
        assertThat(names(clean.get("clients"), "clientId")).containsExactly("vnn-web");
        assertThat(clean.at("/clients/0/redirectUris").toString()).contains("http://localhost:18080/*",
                "http://127.0.0.1:18080/*"); // the Swagger UI logs in on the stack's gateway port
        assertThat(names(clean.at("/roles/realm"), "name")).containsExactlyInAnyOrder("admin", "province-officer",
                "commune-officer", "commune-chairman", "province-chairman", "fund-officer", "fund-approver",
                "emulation-officer", "council-member", "auditor", "partner", "otp-required");
    }

    @Test
    void theCommuneOfficerIsBoundToTheDemoCommune() throws Exception {
        JsonNode realm = new ObjectMapper().readTree(REALM.toFile());
        for (JsonNode user : realm.get("users")) {
            if (user.get("username").asText().equals("commune.officer")) {
                assertThat(user.at("/attributes/area_codes/0").asText()).isEqualTo("99111");
                return;
            }
        }
        throw new AssertionError("commune.officer missing");
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        if (array != null) {
            array.forEach(node -> names.add(node.get(field).asText()));
        }
        return names;
    }
}
