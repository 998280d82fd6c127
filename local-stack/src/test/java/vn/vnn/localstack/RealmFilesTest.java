package vn.vnn.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm as docker compose imports it, with demo accounts (DEMO=true) and without (the default), is made from the
 * one realm file the local stack uses; the two copies under deploy/keycloak/compose must match it. When they do not,
 * this test writes them anew and fails: commit what it wrote. Also checks the realm's safe defaults.
 */
class RealmFilesTest {

    private static final Path ROOT = StackConfig.findRepoRoot(Path.of("").toAbsolutePath());
    private static final Path REALM = ROOT.resolve("deploy/keycloak/vnn-realm.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OFFICER_ROLES = List.of("admin", "province-officer", "commune-officer",
            "commune-chairman", "province-chairman", "fund-officer", "fund-approver", "emulation-officer",
            "council-member", "auditor");

    @Test
    void theComposeRealmFilesAreMadeFromTheRealmFile() throws IOException {
        List<String> stale = new ArrayList<>();
        for (boolean demo : new boolean[] {true, false}) {
            Path file = ROOT.resolve("deploy/keycloak/compose/demo-" + demo + "/vnn-realm.json");
            String expected = KeycloakServer.realmForImport(REALM, demo, 8080) + "\n";
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(expected)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, expected, StandardCharsets.UTF_8);
                stale.add(ROOT.relativize(file).toString());
            }
        }
        assertThat(stale).as("rewritten from deploy/keycloak/vnn-realm.json; commit them").isEmpty();
    }

    @Test
    void withoutDemoTheRealmHasNoDemoAccountOrClient() throws IOException {
        JsonNode realm = JSON.readTree(KeycloakServer.realmForImport(REALM, false, 8080));
        for (String list : List.of("users", "clients")) {
            for (JsonNode entry : realm.path(list)) {
                assertThat(entry.path("attributes").toString()).as(list).doesNotContain("demo");
            }
        }
        List<String> clients = new ArrayList<>();
        realm.path("clients").forEach(c -> clients.add(c.path("clientId").asText()));
        assertThat(clients).containsExactly("vnn-web");
    }

    @Test
    void theRealmHasSafeDefaults() throws IOException {
        JsonNode realm = JSON.readTree(REALM.toFile());
        assertThat(realm.path("passwordPolicy").asText()).contains("length(12)", "notUsername",
                "passwordHistory");
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        // Officers sign in with a one-time code: every officer role carries otp-required, which the browser flow
        // asks a code of (accounts marked demo are exempt).
        for (JsonNode role : realm.path("roles").path("realm")) {
            if (OFFICER_ROLES.contains(role.path("name").asText())) {
                assertThat(role.path("composites").path("realm").toString()).as(role.path("name").asText())
                        .contains("otp-required");
            }
        }
        String flow = realm.path("browserFlow").asText();
        JsonNode flows = realm.path("authenticationFlows");
        assertThat(flows.toString()).contains(flow, "auth-otp-form", "conditional-user-role",
                "conditional-user-attribute");
        // Tokens of the suite's clients carry its audience; any other client's token is refused by the services.
        for (JsonNode client : realm.path("clients")) {
            assertThat(client.path("protocolMappers").toString()).as(client.path("clientId").asText())
                    .contains("oidc-audience-mapper", "vnn-api");
        }
    }
}
