package vn.vnn.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the local stack needs to know: where it keeps data, which ports it binds, which parts it starts and
 * which external servers replace embedded ones. Built from the command line and the environment, or by tests.
 *
 * <p>An external server replaces the embedded one when its address is set: {@code HOUSEHOLD_DB_URL},
 * {@code FUND_DB_URL}, {@code EMULATION_DB_URL} (JDBC URLs, with {@code DB_USERNAME}/{@code DB_PASSWORD}),
 * {@code KAFKA_BOOTSTRAP_SERVERS}, {@code OIDC_AUTH_SERVER_URL} (the realm URL).
 */
public record StackConfig(
        Path repoRoot,
        Path dataDir,
        boolean fresh,
        boolean demoAccounts,
        boolean demoData,
        Set<Component> components,
        List<String> databases,
        Ports ports,
        External external,
        String keycloakAdminPassword) {

    public static final String REALM = "vnn";
    public static final List<String> SERVICE_DATABASES = List.of("household", "fund", "emulation");

    /** TCP ports; 0 means "any free port", resolved by {@link #withFreePorts()}. */
    public record Ports(int postgres, int kafka, int kafkaController, int keycloak, int keycloakManagement,
                        int gateway, int household, int fund, int emulation, int publicWeb, int smtp, int imap) {

        public static Ports defaults(Map<String, String> env) {
            return new Ports(
                    port(env, "POSTGRES_PORT", 15432),
                    port(env, "KAFKA_PORT", 9092),
                    port(env, "KAFKA_CONTROLLER_PORT", 9093),
                    port(env, "KEYCLOAK_PORT", 8180),
                    port(env, "KEYCLOAK_MANAGEMENT_PORT", 9180),
                    port(env, "GATEWAY_PORT", 8080),
                    port(env, "HOUSEHOLD_PORT", 8081),
                    port(env, "FUND_PORT", 8082),
                    port(env, "EMULATION_PORT", 8083),
                    port(env, "PUBLIC_WEB_PORT", 8084),
                    port(env, "MAIL_SMTP_PORT", 3025),
                    port(env, "MAIL_IMAP_PORT", 3143));
        }

        public static Ports allFree() {
            return new Ports(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        private static int port(Map<String, String> env, String name, int fallback) {
            String value = env.get(name);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        }
    }

    /** Addresses of servers that replace the embedded ones; empty means "start our own". */
    public record External(Optional<String> householdDbUrl, Optional<String> fundDbUrl,
                           Optional<String> emulationDbUrl, Optional<String> dbUsername,
                           Optional<String> dbPassword, Optional<String> kafkaBootstrapServers,
                           Optional<String> oidcAuthServerUrl) {

        public static External from(Map<String, String> env) {
            return new External(opt(env, "HOUSEHOLD_DB_URL"), opt(env, "FUND_DB_URL"), opt(env, "EMULATION_DB_URL"),
                    opt(env, "DB_USERNAME"), opt(env, "DB_PASSWORD"), opt(env, "KAFKA_BOOTSTRAP_SERVERS"),
                    opt(env, "OIDC_AUTH_SERVER_URL"));
        }

        public static External none() {
            return new External(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }

        private static Optional<String> opt(Map<String, String> env, String name) {
            return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
        }
    }

    public static StackConfig fromCommandLine(String[] args, Map<String, String> env) {
        Path root = findRepoRoot(Path.of("").toAbsolutePath());
        Path dataDir = root.resolve(".local");
        boolean fresh = false;
        boolean demo = true;
        boolean demoData = true;
        Set<Component> components = EnumSet.allOf(Component.class);
        List<String> databases = new ArrayList<>(SERVICE_DATABASES);
        Ports ports = Ports.defaults(env);
        for (String arg : args) {
            if (arg.equals("--fresh")) {
                fresh = true;
            } else if (arg.equals("--no-demo-accounts")) {
                demo = false;
            } else if (arg.equals("--no-demo-data")) {
                demoData = false;
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length())).toAbsolutePath();
            } else if (arg.startsWith("--only=")) {
                components = EnumSet.noneOf(Component.class);
                for (String part : arg.substring("--only=".length()).split(",")) {
                    components.add(Component.valueOf(part.trim().toUpperCase()));
                }
            } else if (arg.startsWith("--databases=")) {
                databases = List.of(arg.substring("--databases=".length()).split(","));
            } else if (arg.equals("--free-ports")) {
                ports = Ports.allFree();
            } else if (arg.equals("--help") || arg.equals("-h")) {
                throw new UsageException();
            } else {
                throw new UsageException("unknown option: " + arg);
            }
        }
        String adminPassword = env.getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "admin");
        return new StackConfig(root, dataDir, fresh, demo, demoData, components, databases, ports, External.from(env),
                adminPassword);
    }

    public boolean starts(Component component) {
        return components.contains(component);
    }

    /**
     * Replaces every 0 port with a free one, so that tests never collide with a running stack. All probe sockets
     * stay open until every port is chosen, so that no two parts get the same port.
     */
    public StackConfig withFreePorts() {
        Ports p = ports;
        List<ServerSocket> held = new ArrayList<>();
        try {
            return new StackConfig(repoRoot, dataDir, fresh, demoAccounts, demoData, components, databases,
                    new Ports(free(p.postgres(), held), free(p.kafka(), held), free(p.kafkaController(), held),
                            free(p.keycloak(), held), free(p.keycloakManagement(), held), free(p.gateway(), held),
                            free(p.household(), held), free(p.fund(), held), free(p.emulation(), held),
                            free(p.publicWeb(), held), free(p.smtp(), held), free(p.imap(), held)),
                    external, keycloakAdminPassword);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // a probe socket that will not close frees its port when this JVM exits
                }
            }
        }
    }

    private static int free(int port, List<ServerSocket> held) {
        if (port != 0) {
            return port;
        }
        try {
            ServerSocket socket = new ServerSocket(0);
            held.add(socket);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** The repository root: the nearest folder upwards that holds both the parent pom and local-stack/. */
    public static Path findRepoRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("local-stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the repository: no folder above " + start
                + " holds pom.xml and local-stack/");
    }

    public static final class UsageException extends RuntimeException {
        UsageException() {
            super(null, null, false, false);
        }

        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
