package vn.vnn.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Starts the whole suite on one machine without Docker: embedded PostgreSQL, an in-JVM Kafka broker, the real
 * Keycloak server, then the four services from their packaged builds. Used by the run command
 * ({@link LocalStackMain}) and by the end-to-end tests, so both exercise the same code.
 */
public final class LocalStack implements AutoCloseable {

    private final StackConfig config;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Supervisor.Launch> launches = new HashMap<>();
    private Supervisor supervisor;
    private final Map<String, String> jdbcUrls = new HashMap<>();
    private final java.util.Set<String> embeddedDatabases = new java.util.HashSet<>();
    private String kafkaBootstrapServers;
    private String realmUrl;
    private String keycloakConsoleUrl;
    private Duration startupTime;

    private final Map<String, String> serviceEnv;

    private LocalStack(StackConfig config, Map<String, String> serviceEnv) {
        this.config = config;
        this.serviceEnv = Map.copyOf(serviceEnv);
    }

    /** Starts what the configuration asks for and returns when every part reports ready. */
    public static LocalStack start(StackConfig config) throws Exception {
        return start(config, Map.of());
    }

    /**
     * Like {@link #start(StackConfig)}, with settings given to every service and the gateway on top of the stack's
     * own (a test's OpenTelemetry collector, say).
     */
    public static LocalStack start(StackConfig config, Map<String, String> serviceEnv) throws Exception {
        LocalStack stack = new LocalStack(config.withFreePorts(), serviceEnv);
        try {
            stack.startAll();
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        long begin = System.nanoTime();
        Path dataDir = config.dataDir();
        if (config.fresh()) {
            deleteData(dataDir);
        }
        Files.createDirectories(dataDir);

        CompletableFuture<KeycloakServer> keycloak = null;
        if (config.starts(Component.KEYCLOAK) && config.external().oidcAuthServerUrl().isEmpty()) {
            keycloak = CompletableFuture.supplyAsync(() -> {
                try {
                    return KeycloakServer.start(config, dataDir);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        startPostgres(dataDir);
        startKafka(dataDir);
        if (keycloak != null) {
            KeycloakServer server = keycloak.join();
            started.push(server);
            realmUrl = server.realmUrl();
            keycloakConsoleUrl = server.consoleUrl();
        } else {
            realmUrl = config.external().oidcAuthServerUrl().orElse(null);
        }
        if (config.starts(Component.SERVICES)) {
            startServices();
        }
        startupTime = Duration.ofNanos(System.nanoTime() - begin);
    }

    private void startPostgres(Path dataDir) throws Exception {
        StackConfig.External external = config.external();
        external.householdDbUrl().ifPresent(url -> jdbcUrls.put("household", url));
        external.fundDbUrl().ifPresent(url -> jdbcUrls.put("fund", url));
        external.emulationDbUrl().ifPresent(url -> jdbcUrls.put("emulation", url));
        boolean needed = config.databases().stream().anyMatch(db -> !jdbcUrls.containsKey(db));
        if (config.starts(Component.POSTGRES) && needed) {
            PostgresServer postgres = PostgresServer.start(dataDir.resolve("postgres"), config.ports().postgres(),
                    config.databases());
            started.push(postgres);
            for (String db : config.databases()) {
                if (jdbcUrls.putIfAbsent(db, postgres.jdbcUrl(db)) == null) {
                    embeddedDatabases.add(db);
                }
            }
        }
    }

    private void startKafka(Path dataDir) throws Exception {
        if (config.external().kafkaBootstrapServers().isPresent()) {
            kafkaBootstrapServers = config.external().kafkaBootstrapServers().get();
        } else if (config.starts(Component.KAFKA)) {
            KafkaServer kafka = KafkaServer.start(dataDir.resolve("kafka"), config.ports().kafka(),
                    config.ports().kafkaController());
            started.push(kafka);
            kafkaBootstrapServers = kafka.bootstrapServers();
        }
    }

    private void startServices() throws IOException {
        StackConfig.Ports ports = config.ports();
        record Spec(String module, int port, String database) {
        }
        for (Spec spec : new Spec[]{
                new Spec("household-service", ports.household(), "household"),
                new Spec("fund-service", ports.fund(), "fund"),
                new Spec("emulation-service", ports.emulation(), "emulation")}) {
            Map<String, String> env = new HashMap<>(commonServiceEnv(spec.port()));
            env.put("DB_URL", jdbcUrls.get(spec.database()));
            env.putAll(databaseCredentials(spec.database()));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
            if (!spec.module().equals("emulation-service") && config.demoData()) {
                env.put("DEMO_DATA_DIR", config.repoRoot().resolve("deploy/demo").toString());
            }
            startService(spec.module(), spec.port(), env, "256m");
        }
        Map<String, String> gatewayEnv = new HashMap<>(commonServiceEnv(ports.gateway()));
        gatewayEnv.put("HOUSEHOLD_SERVICE_URL", "http://localhost:" + ports.household());
        gatewayEnv.put("FUND_SERVICE_URL", "http://localhost:" + ports.fund());
        gatewayEnv.put("EMULATION_SERVICE_URL", "http://localhost:" + ports.emulation());
        // The gateway's limits can be set from outside (a benchmark lifts the rate limits, say).
        System.getenv().forEach((key, value) -> {
            if (key.startsWith("RATE_LIMIT_") || key.startsWith("GATEWAY_")) {
                gatewayEnv.put(key, value);
            }
        });
        startService("gateway", ports.gateway(), gatewayEnv, "128m");
        services.values().forEach(service -> service.awaitReady(Duration.ofMinutes(3)));
        supervisor = new Supervisor(config.dataDir().resolve("status.txt"), this::replaced);
        services.forEach((name, service) -> supervisor.watch(name, service, launches.get(name)));
        supervisor.begin();
    }

    /** The supervisor restarted a service: the stack stops the new process, not the dead one. */
    private synchronized void replaced(String name, ServiceProcess old, ServiceProcess fresh) {
        started.remove(old);
        started.push(fresh);
        services.put(name, fresh);
    }

    /** How often the supervisor restarted a service that exited by itself. */
    public int restarts(String module) {
        return supervisor == null ? 0 : supervisor.restarts(module);
    }

    /** The process id of a running service (e.g. for a fault drill to kill it). */
    public synchronized long servicePid(String module) {
        return services.get(module).pid();
    }

    private Map<String, String> commonServiceEnv(int port) {
        Map<String, String> env = new HashMap<>();
        // Tracing is configured from outside, as OpenTelemetry's own variables (README, Tracing).
        System.getenv().forEach((key, value) -> {
            if (key.startsWith("OTEL_")) {
                env.put(key, value);
            }
        });
        env.putAll(serviceEnv);
        env.put("HTTP_PORT", String.valueOf(port));
        env.put("OIDC_AUTH_SERVER_URL", realmUrl);
        return env;
    }

    private void startService(String module, int port, Map<String, String> env, String heap) throws IOException {
        ServiceProcess service = ServiceProcess.start(module, port, env, config, heap);
        started.push(service);
        services.put(module, service);
        launches.put(module, () -> ServiceProcess.start(module, port, env, config, heap));
    }

    /** Stops one service, the rest of the stack running on: to see what callers get while it is down. */
    public synchronized void stopService(String module) {
        supervisor.stopped(module);
        ServiceProcess service = services.get(module);
        started.remove(service);
        service.close();
    }

    /** Starts a stopped service again as it was first started (same port, settings and log) and waits for it. */
    public void restartService(String module) throws IOException {
        ServiceProcess service = launches.get(module).start();
        synchronized (this) {
            started.push(service);
            services.put(module, service);
            supervisor.started(module, service);
        }
        service.awaitReady(Duration.ofMinutes(3));
    }

    public StackConfig config() {
        return config;
    }

    public String gatewayUrl() {
        return "http://localhost:" + config.ports().gateway();
    }

    public synchronized String serviceUrl(String module) {
        return services.get(module).baseUrl();
    }

    public synchronized Map<String, Path> serviceLogs() {
        Map<String, Path> logs = new LinkedHashMap<>();
        services.forEach((name, service) -> logs.put(name, service.logFile()));
        return logs;
    }

    /** The {@code vnn} realm URL (OIDC issuer). */
    public String realmUrl() {
        return realmUrl;
    }

    public String keycloakConsoleUrl() {
        return keycloakConsoleUrl;
    }

    public String jdbcUrl(String database) {
        return jdbcUrls.get(database);
    }

    /** The user and password the services log in to their databases with. */
    /**
     * What a service connects to its database as: on the embedded PostgreSQL, the database's application role and,
     * for migrations, its owner role (least privilege); on an external database, DB_USERNAME/DB_PASSWORD (and
     * DB_OWNER_USERNAME/DB_OWNER_PASSWORD when set).
     */
    public Map<String, String> databaseCredentials(String database) {
        Map<String, String> env = new HashMap<>();
        boolean embedded = embeddedDatabases.contains(database);
        if (embedded) {
            env.put("DB_USERNAME", PostgresServer.appRole(database));
            env.put("DB_PASSWORD", PostgresServer.password(PostgresServer.appRole(database)));
            env.put("DB_OWNER_USERNAME", PostgresServer.ownerRole(database));
            env.put("DB_OWNER_PASSWORD", PostgresServer.password(PostgresServer.ownerRole(database)));
        } else {
            env.put("DB_USERNAME", databaseUser());
            env.put("DB_PASSWORD", databasePassword());
            System.getenv().forEach((key, value) -> {
                if (key.equals("DB_OWNER_USERNAME") || key.equals("DB_OWNER_PASSWORD")) {
                    env.put(key, value);
                }
            });
        }
        return env;
    }

    /** The superuser (embedded) or DB_USERNAME (external): for tools such as the benchmarks, not the services. */
    public String databaseUser() {
        return config.external().dbUsername().orElse(PostgresServer.USER);
    }

    public String databasePassword() {
        return config.external().dbPassword().orElse(PostgresServer.PASSWORD);
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public Duration startupTime() {
        return startupTime;
    }

    /** Stops everything this stack started, newest first. */
    @Override
    public void close() {
        if (supervisor != null) {
            supervisor.close(); // first, so that nothing stopped below is started again
        }
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
    }

    /** Forgets all data but keeps unpacked binaries, so a fresh start does not unpack or rebuild Keycloak. */
    private static void deleteData(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith("keycloak-")) {
                    deleteTree(entry.resolve("data"));
                } else if (name.equals("postgres")) {
                    deleteTree(entry.resolve("data"));
                } else {
                    deleteTree(entry);
                }
            }
        }
    }

    /** Deletes a folder and everything in it; nothing happens when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
