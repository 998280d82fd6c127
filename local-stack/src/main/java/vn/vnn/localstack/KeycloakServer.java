package vn.vnn.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The real Keycloak server, from the {@code keycloak-quarkus-dist} archive that Maven fetched, run as a child
 * process in development mode (its own H2 file database, kept in the data folder). The {@code vnn} realm is
 * imported from {@code deploy/keycloak/vnn-realm.json} on first start.
 */
final class KeycloakServer extends ProcessPart {

    private final int port;

    private KeycloakServer(ManagedProcess process, int port) {
        super(process);
        this.port = port;
    }

    static KeycloakServer start(StackConfig config, Path dataDir) throws IOException {
        Properties dist = new Properties();
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/keycloak.properties")) {
            dist.load(in);
        }
        String version = dist.getProperty("keycloak.version");
        Path archive = Path.of(dist.getProperty("keycloak.archive"));
        Path home = dataDir.resolve("keycloak-" + version);
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            unpack(archive, dataDir);
        }
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        Files.writeString(importDir.resolve("vnn-realm.json"),
                realmForImport(config.repoRoot().resolve("deploy/keycloak/vnn-realm.json"), config.demoAccounts(),
                        config.ports().gateway()));

        int port = config.ports().keycloak();
        int management = config.ports().keycloakManagement();
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + management,
                // One issuer for every token, however a client reached Keycloak.
                "--hostname=http://localhost:" + port,
                "--hostname-backchannel-dynamic=true",
                "--import-realm",
                "--health-enabled=true");
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", config.keycloakAdminPassword(),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        ManagedProcess process = ManagedProcess.start("keycloak", command, env, home,
                dataDir.resolve("keycloak.log"));
        KeycloakServer server = new KeycloakServer(process, port);
        Http.awaitOk("Keycloak", "http://127.0.0.1:" + management + "/health/ready", Duration.ofMinutes(4),
                process::isAlive, () -> process.logTail(40));
        Http.awaitOk("Keycloak realm " + StackConfig.REALM, server.realmUrl() + "/.well-known/openid-configuration",
                Duration.ofSeconds(30), process::isAlive, () -> process.logTail(40));
        return server;
    }

    /** The realm URL that services use as their OIDC server and issuer. */
    String realmUrl() {
        return realmUrl(port);
    }

    /** The realm URL of a Keycloak on this port, known before it runs. */
    static String realmUrl(int port) {
        return "http://localhost:" + port + "/realms/" + StackConfig.REALM;
    }

    String consoleUrl() {
        return "http://localhost:" + port + "/admin/master/console/#/" + StackConfig.REALM;
    }

    private static void unpack(Path archive, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        try {
            Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", dataDir.toString())
                    .inheritIO().start();
            if (tar.waitFor() != 0) {
                throw new IOException("could not unpack " + archive);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unpacking Keycloak", e);
        }
    }

    /**
     * The realm as Keycloak imports it. Without demo accounts, every user and client marked {@code "demo"} is
     * left out (their passwords and secrets are public in the README).
     */
    static String realmForImport(Path realmFile, boolean demoAccounts, int gatewayPort) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode realm = (ObjectNode) mapper.readTree(realmFile.toFile());
        if (!demoAccounts) {
            removeDemo(realm.withArray("users"));
            removeDemo(realm.withArray("clients"));
        }
        // The Swagger UI logs in through the gateway on whatever port this stack gave it.
        for (JsonNode client : realm.withArray("clients")) {
            if (client.path("clientId").asText().equals("vnn-web")) {
                ArrayNode redirects = ((ObjectNode) client).withArray("redirectUris");
                for (String host : new String[]{"localhost", "127.0.0.1"}) {
                    String uri = "http://" + host + ":" + gatewayPort + "/*";
                    boolean present = false;
                    for (JsonNode existing : redirects) {
                        present |= existing.asText().equals(uri);
                    }
                    if (!present) {
                        redirects.add(uri);
                    }
                }
            }
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
    }

    private static void removeDemo(ArrayNode entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            JsonNode demo = entries.get(i).path("attributes").path("demo");
            boolean isDemo = demo.isArray() ? demo.path(0).asText().equals("true") : demo.asText().equals("true");
            if (isDemo) {
                entries.remove(i);
            }
        }
    }
}
