package vn.vnn.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: starts the suite, prints where everything is, and stays in the foreground until Ctrl-C or
 * SIGTERM, which stop everything it started.
 */
public final class LocalStackMain {

    private static final String USAGE = """
            usage: ./run.sh [--fresh] [--no-demo-accounts] [--no-demo-data] [--data-dir=DIR] [--only=postgres,kafka,keycloak,services]
                            [--free-ports] [--databases=a,b] [--ready-file=FILE]
                   ./run.sh --status [--data-dir=DIR]   (from another terminal: what is up, restarts)
              --fresh             forget all data (databases, Kafka log, Keycloak realm) before starting
              --no-demo-accounts  import the realm without the demo users and the partner-demo client
              --no-demo-data      do not load the demo province (deploy/demo) into household-service
              --data-dir=DIR      where data and logs are kept (default: .local/ in the repository)
              --only=...          start only these parts (tests use --only=postgres,kafka)
              --free-ports        bind free ports instead of the defaults
              --ready-file=FILE   when ready, write the addresses as a properties file (used by tests)
              --status            print what the running stack's supervisor last wrote, and exit
            A part (a service, PostgreSQL, Kafka, Keycloak) that exits by itself is restarted (after 1 s, doubling
            to 30 s while it keeps failing);
            if this command is killed, even with kill -9, every process it started stops within seconds.
            environment: HOUSEHOLD_DB_URL, FUND_DB_URL, EMULATION_DB_URL, DB_USERNAME, DB_PASSWORD,
              KAFKA_BOOTSTRAP_SERVERS, OIDC_AUTH_SERVER_URL replace the embedded parts; GATEWAY_PORT, HOUSEHOLD_PORT,
              FUND_PORT, EMULATION_PORT, POSTGRES_PORT, KAFKA_PORT, KEYCLOAK_PORT change ports.""";

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Path readyFile = null;
        boolean status = false;
        java.util.List<String> rest = new java.util.ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--status")) {
                status = true;
            } else if (arg.startsWith("--ready-file=")) {
                readyFile = Path.of(arg.substring("--ready-file=".length()));
            } else {
                rest.add(arg);
            }
        }
        StackConfig config;
        try {
            config = StackConfig.fromCommandLine(rest.toArray(String[]::new), System.getenv());
        } catch (StackConfig.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            System.err.println(USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }

        if (status) {
            // from another terminal: what the running stack's supervisor last wrote
            System.out.print(Supervisor.read(config.dataDir().resolve("status.txt")));
            return;
        }
        System.out.println("Starting the Vì người nghèo suite (data in " + config.dataDir() + ") ...");
        LocalStack stack;
        try {
            stack = LocalStack.start(config);
        } catch (Exception e) {
            System.err.println("The stack could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping ...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "local-stack-stop"));

        if (readyFile != null) {
            writeReadyFile(stack, readyFile);
        }
        if (config.starts(Component.SERVICES)) {
            System.out.println(banner(stack));
        } else {
            System.out.printf(Locale.ROOT, "Ready in %.1f s.%n", stack.startupTime().toMillis() / 1000.0);
        }
        stopped.await();
    }

    private static void writeReadyFile(LocalStack stack, Path readyFile) throws IOException {
        Properties props = new Properties();
        for (String db : stack.config().databases()) {
            if (stack.jdbcUrl(db) != null) {
                props.setProperty("jdbc." + db, stack.jdbcUrl(db));
                stack.databaseCredentials(db).forEach((key, value) ->
                        props.setProperty("db." + db + "." + key.toLowerCase(Locale.ROOT), value));
            }
        }
        if (stack.kafkaBootstrapServers() != null) {
            props.setProperty("kafka.bootstrap.servers", stack.kafkaBootstrapServers());
        }
        if (stack.realmUrl() != null) {
            props.setProperty("oidc.auth-server-url", stack.realmUrl());
        }
        props.setProperty("db.username", PostgresServer.USER);
        props.setProperty("db.password", PostgresServer.PASSWORD);
        Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
        try (var out = Files.newOutputStream(tmp)) {
            props.store(out, "local-stack addresses");
        }
        Files.move(tmp, readyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static String banner(LocalStack stack) {
        String gateway = stack.gatewayUrl();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nReady in %.1f s. Memory of the whole stack: %d MB (RSS).%n%n",
                stack.startupTime().toMillis() / 1000.0, ProcessMemory.stackRssMegabytes(stack.config().dataDir())));
        out.append("  Gateway (all APIs)   ").append(gateway).append('\n');
        out.append("  Swagger UI           ").append(gateway).append("/q/swagger-ui").append('\n');
        out.append("  Donors' pages        ").append(gateway).append("/donors").append('\n');
        if (stack.mail() != null) {
            out.append("  Mail (receipts)      SMTP localhost:").append(stack.mail().smtpPort()).append(", read over IMAP ")
                    .append("localhost:").append(stack.mail().imapPort())
                    .append(" (user and password: the recipient's address)\n");
        }
        if (stack.keycloakConsoleUrl() != null) {
            out.append("  Keycloak console     ").append(stack.keycloakConsoleUrl())
                    .append("   (admin / ").append(stack.config().keycloakAdminPassword().equals("admin")
                            ? "admin" : "KEYCLOAK_ADMIN_PASSWORD").append(")\n");
        }
        out.append("  OIDC realm           ").append(stack.realmUrl()).append('\n');
        out.append("  Services             household ").append(stack.serviceUrl("household-service"))
                .append(", fund ").append(stack.serviceUrl("fund-service"))
                .append(", emulation ").append(stack.serviceUrl("emulation-service")).append('\n');
        out.append("  Logs                 ").append(stack.config().dataDir().resolve("logs")).append('\n');
        if (stack.config().demoAccounts()) {
            out.append("""

                      Demo accounts (user / password), for this local stack only:
                        admin / admin                          role admin (national)
                        fund.officer / fund.officer            role fund-officer, province 99
                        fund.officer.99111 / (same)            role fund-officer, commune 99111
                        fund.approver / fund.approver          role fund-approver, province 99
                        emulation.officer / emulation.officer  role emulation-officer, province 99
                        council.member / council.member        role council-member, province 99
                        commune.officer / commune.officer      role commune-officer, demo commune 99111
                        commune.councillor / (same)            roles commune-officer + council-member, 99111
                        commune.chairman / commune.chairman    role commune-chairman, demo commune 99111
                        client partner-demo / partner-demo-secret   role partner (client credentials), area 99

                      Try it:
                        TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=partner-demo \\
                          -d client_secret=partner-demo-secret %s/protocol/openid-connect/token \\
                          | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                        curl -H "Authorization: Bearer $TOKEN" %s/api/v1/achievements/summary
                    """.formatted(stack.realmUrl(), gateway));
        }
        out.append("\nCtrl-C stops everything.");
        return out.toString();
    }
}
