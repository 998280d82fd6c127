package vn.vnn.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    private MailServer mail;
    /** What this stack started, oldest first; stopped newest first. */
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** Every supervised part (infrastructure and services) by name, and how to start it again. */
    private final Map<String, Supervised> parts = new LinkedHashMap<>();
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
        supervisor = new Supervisor(dataDir.resolve("status.txt"), this::replaced);

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
        startMail();
        // The services start while Keycloak still boots (its address is known beforehand): they reach it at their
        // first call with a token, the gateway waits for it (quarkus.oidc.connection-delay). Both start in parallel
        // instead of one after the other.
        realmUrl = keycloak != null ? KeycloakServer.realmUrl(config.ports().keycloak())
                : config.external().oidcAuthServerUrl().orElse(null);
        if (config.starts(Component.SERVICES)) {
            launchServices();
        }
        if (keycloak != null) {
            KeycloakServer server = keycloak.join();
            supervise("keycloak", server, () -> KeycloakServer.start(config, dataDir));
            keycloakConsoleUrl = server.consoleUrl();
        }
        services.values().forEach(service -> service.awaitReady(Duration.ofMinutes(3)));
        supervisor.begin();
        startupTime = Duration.ofNanos(System.nanoTime() - begin);
    }

    /** Starts watching a part that has just started: the supervisor brings it back if it dies. */
    private synchronized void supervise(String name, Supervised part, Supervisor.Launch launch) {
        started.add(part);
        parts.put(name, part);
        launches.put(name, launch);
        supervisor.watch(name, part, launch);
    }

    /** The mail server receipts are sent to, unless an outside one is named (SMTP_HOST). */
    private void startMail() {
        if (config.starts(Component.SERVICES) && System.getenv("SMTP_HOST") == null) {
            mail = MailServer.start(config.ports().smtp(), config.ports().imap());
            started.add(mail);
        }
    }

    /** The stack's own mail server; null when mail goes to an outside server. */
    public MailServer mail() {
        return mail;
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
            supervise("postgres", postgres, () -> {
                // The dead server's handle still locks the data folder in this JVM: released first.
                closeQuietly(part("postgres"));
                return PostgresServer.start(dataDir.resolve("postgres"), config.ports().postgres(),
                        config.databases());
            });
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
        } else if (config.components().equals(java.util.EnumSet.of(Component.KAFKA))) {
            // The broker's own JVM (see KafkaProcess), or a test's: the broker runs here.
            KafkaServer kafka = KafkaServer.start(dataDir.resolve("kafka"), config.ports().kafka(),
                    config.ports().kafkaController());
            started.add(kafka);
            kafkaBootstrapServers = kafka.bootstrapServers();
        } else if (config.starts(Component.KAFKA)) {
            KafkaProcess kafka = KafkaProcess.start(dataDir, config.ports().kafka(), config.ports().kafkaController());
            supervise("kafka", kafka, () -> KafkaProcess.start(dataDir, config.ports().kafka(),
                    config.ports().kafkaController()));
            kafkaBootstrapServers = kafka.bootstrapServers();
        }
    }

    private void launchServices() throws IOException {
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
            if (spec.module().equals("fund-service")) {
                if (System.getenv("RECEIPT_SIGNING_KEYSTORE") == null) {
                    env.put("RECEIPT_SIGNING_KEYSTORE", SigningKey.ensure(config.dataDir()).toString());
                    env.put("RECEIPT_SIGNING_PASSWORD", SigningKey.PASSWORD);
                } else {
                    env.put("RECEIPT_SIGNING_KEYSTORE", System.getenv("RECEIPT_SIGNING_KEYSTORE"));
                    env.put("RECEIPT_SIGNING_PASSWORD", System.getenv().getOrDefault("RECEIPT_SIGNING_PASSWORD", ""));
                }
                if (mail != null) {
                    env.put("SMTP_HOST", "127.0.0.1");
                    env.put("SMTP_PORT", String.valueOf(mail.smtpPort()));
                } else if (System.getenv("SMTP_HOST") != null) {
                    for (String name : new String[]{"SMTP_HOST", "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD",
                            "SMTP_TLS", "MAIL_FROM"}) {
                        if (System.getenv(name) != null) {
                            env.put(name, System.getenv(name));
                        }
                    }
                }
                // a receipt's QR code leads to the donors' page that verifies it, through this stack's gateway
                env.put("RECEIPT_VERIFICATION_URL", "http://localhost:" + ports.gateway()
                        + "/donors/receipt?no=[receiptNo]&code=[code]");
            }
            if (spec.module().equals("household-service")) {
                // partners' test receivers run on this machine
                env.put("VNN_WEBHOOKS_ALLOW_LOOPBACK", "true");
            }
            if (!spec.module().equals("emulation-service") && config.demoData()) {
                env.put("DEMO_DATA_DIR", config.repoRoot().resolve("deploy/demo").toString());
            }
            startService(spec.module(), spec.port(), env, "256m");
        }
        Map<String, String> webEnv = new HashMap<>(commonServiceEnv(ports.publicWeb()));
        webEnv.put("FUND_SERVICE_URL", "http://localhost:" + ports.fund());
        webEnv.put("EMULATION_SERVICE_URL", "http://localhost:" + ports.emulation());
        startService("public-web", ports.publicWeb(), webEnv, "64m");
        Map<String, String> gatewayEnv = new HashMap<>(commonServiceEnv(ports.gateway()));
        gatewayEnv.put("HOUSEHOLD_SERVICE_URL", "http://localhost:" + ports.household());
        gatewayEnv.put("FUND_SERVICE_URL", "http://localhost:" + ports.fund());
        gatewayEnv.put("EMULATION_SERVICE_URL", "http://localhost:" + ports.emulation());
        gatewayEnv.put("PUBLIC_WEB_URL", "http://localhost:" + ports.publicWeb());
        // The gateway's limits can be set from outside (a benchmark lifts the rate limits, say).
        System.getenv().forEach((key, value) -> {
            if (key.startsWith("RATE_LIMIT_") || key.startsWith("GATEWAY_")) {
                gatewayEnv.put(key, value);
            }
        });
        startService("gateway", ports.gateway(), gatewayEnv, "128m");
    }

    /** The supervisor restarted a part: the stack stops the new process, in the old one's turn. */
    private synchronized void replaced(String name, Supervised old, Supervised fresh) {
        int at = started.indexOf(old);
        if (at >= 0) {
            started.set(at, fresh);
        } else {
            started.add(fresh);
        }
        parts.put(name, fresh);
        if (fresh instanceof ServiceProcess service) {
            services.put(name, service);
        }
    }

    /** How often the supervisor restarted a part (a service, postgres, kafka, keycloak) that exited by itself. */
    public int restarts(String part) {
        return supervisor == null ? 0 : supervisor.restarts(part);
    }

    /** The process id of a running service (e.g. for a fault drill to kill it). */
    public synchronized long servicePid(String module) {
        return services.get(module).pid();
    }

    /** The process id of a supervised part: a service, {@code postgres}, {@code kafka} or {@code keycloak}. */
    public synchronized long pid(String part) {
        return parts.get(part).pid();
    }

    private synchronized Supervised part(String name) {
        return parts.get(name);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e);
        }
    }

    /** Whether a supervised part's process runs. */
    public synchronized boolean isAlive(String part) {
        return parts.get(part).isAlive();
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

    private final Map<String, Map<String, String>> serviceEnvs = new HashMap<>();

    private void startService(String module, int port, Map<String, String> env, String heap) throws IOException {
        serviceEnvs.put(module, env);
        ServiceProcess service = ServiceProcess.start(module, port, env, config, heap);
        services.put(module, service);
        supervise(module, service, () -> ServiceProcess.start(module, port, env, config, heap));
    }

    /** A further instance of a service, beside the stack's own. */
    public interface Instance extends AutoCloseable {
        String baseUrl();

        @Override
        void close();
    }

    /**
     * Starts one more instance of a service on a free port, with the same database, broker and settings as the
     * stack's own (as a second replica would run), and waits until it is ready. Not supervised; the caller stops it.
     */
    public Instance startAnotherInstance(String module) throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(serviceEnvs.get(module));
        env.put("HTTP_PORT", String.valueOf(port));
        env.remove("DEMO_DATA_DIR"); // the first instance loaded the demo data already
        ServiceProcess process = ServiceProcess.start(module, port, env, config, "256m",
                module + "-" + port);
        process.awaitReady(Duration.ofMinutes(3));
        return new Instance() {
            @Override
            public String baseUrl() {
                return process.baseUrl();
            }

            @Override
            public void close() {
                process.close();
            }
        };
    }

    /** Stops one service, the rest of the stack running on: to see what callers get while it is down. */
    public void stopService(String module) {
        stop(module);
    }

    /** Starts a stopped service again as it was first started (same port, settings and log) and waits for it. */
    public void restartService(String module) throws IOException {
        start(module);
        ServiceProcess service;
        synchronized (this) {
            service = services.get(module);
        }
        service.awaitReady(Duration.ofMinutes(3));
    }

    /**
     * Stops a part on purpose (a fault drill: Kafka for a minute, Keycloak), the rest running on; the supervisor
     * leaves it down until {@link #start}.
     */
    public void stop(String part) {
        Supervised running;
        synchronized (this) {
            supervisor.stopped(part);
            running = parts.get(part);
        }
        running.close();
    }

    /** Starts a stopped part again as it was first started (same port, data and settings). */
    public void start(String part) throws IOException {
        Supervised fresh;
        try {
            fresh = launches.get(part).start();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("could not start " + part, e);
        }
        synchronized (this) {
            Supervised old = parts.get(part);
            replaced(part, old, fresh);
            supervisor.started(part, fresh);
        }
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
        List<AutoCloseable> all;
        synchronized (this) {
            all = new ArrayList<>(started);
            started.clear();
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                all.get(i).close();
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
