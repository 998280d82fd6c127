package vn.vnn.localstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.vnn.localstack.ChildJvm;
import vn.vnn.localstack.LocalStack;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL database and a real Kafka broker, started by the local stack's own
 * code in JVMs of their own (so the broker's jars never mix with the application's classpath). The broker can be
 * stopped and started again on the same port and data, to test what happens while Kafka is down.
 *
 * <p>Bearer tokens are verified for real with the public key of {@link TestTokens}, which signs tokens with any
 * roles and areas; {@code @TestSecurity} still works beside them.
 *
 * <p>Init argument: {@code database} (default {@code app}).
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile InfrastructureTestResource current;

    private String database = "app";
    private Path dir;
    private ChildJvm postgres;
    private ChildJvm kafka;
    private int kafkaPort;
    private int kafkaControllerPort;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("vnn-test-infra-");
            try (ServerSocket broker = new ServerSocket(0); ServerSocket controller = new ServerSocket(0)) {
                kafkaPort = broker.getLocalPort();
                kafkaControllerPort = controller.getLocalPort();
            }
            Launched pg = launch("postgres", List.of("--only=postgres", "--free-ports",
                    "--databases=" + database), Map.of());
            postgres = pg.jvm();
            Properties broker = startBroker();
            current = this;
            Properties db = pg.addresses();
            String prefix = "db." + database + ".";
            // The service under test connects as its application role and migrates as the owner, as deployed.
            return Map.of(
                    "quarkus.datasource.jdbc.url", db.getProperty("jdbc." + database),
                    "quarkus.datasource.username", db.getProperty(prefix + "db_username"),
                    "quarkus.datasource.password", db.getProperty(prefix + "db_password"),
                    "quarkus.flyway.username", db.getProperty(prefix + "db_owner_username"),
                    "quarkus.flyway.password", db.getProperty(prefix + "db_owner_password"),
                    "kafka.bootstrap.servers", broker.getProperty("kafka.bootstrap.servers"),
                    // Tokens are verified for real, against the key that TestTokens signs with (no OIDC server).
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "",
                    "quarkus.oidc.public-key", TestTokens.publicKey());
        } catch (IOException e) {
            throw new IllegalStateException("could not start the test infrastructure", e);
        }
    }

    record Launched(ChildJvm jvm, Properties addresses) {
    }

    private Launched launch(String name, List<String> args, Map<String, String> env) throws IOException {
        return launch(dir, name, args, env);
    }

    /** Runs a part of the local stack in a JVM of its own, under {@code dir}, and waits until it is ready. */
    static Launched launch(Path dir, String name, List<String> args, Map<String, String> env) throws IOException {
        Path ready = dir.resolve(name + "-ready-" + System.nanoTime() + ".properties");
        List<String> all = new java.util.ArrayList<>(args);
        all.add("--data-dir=" + dir.resolve(name));
        all.add("--ready-file=" + ready);
        ChildJvm jvm = ChildJvm.startLocalStack(all, env, dir.resolve(name + ".log"));
        jvm.awaitFile(ready, Duration.ofMinutes(2));
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(ready)) {
            props.load(in);
        }
        return new Launched(jvm, props);
    }

    private Properties startBroker() throws IOException {
        Launched broker = launch("kafka", List.of("--only=kafka"), Map.of(
                "KAFKA_PORT", String.valueOf(kafkaPort),
                "KAFKA_CONTROLLER_PORT", String.valueOf(kafkaControllerPort)));
        kafka = broker.jvm();
        return broker.addresses();
    }

    /** Stops the Kafka broker of the running test (its data stays). */
    public static void stopKafka() {
        InfrastructureTestResource resource = running();
        resource.kafka.close();
        resource.kafka = null;
    }

    /** Starts the Kafka broker again on the same port, with the data it had. */
    public static void startKafka() {
        InfrastructureTestResource resource = running();
        try {
            resource.startBroker();
        } catch (IOException e) {
            throw new IllegalStateException("could not restart Kafka", e);
        }
    }

    private static InfrastructureTestResource running() {
        if (current == null) {
            throw new IllegalStateException("no test infrastructure is running");
        }
        return current;
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        current = null;
        try {
            LocalStack.deleteTree(dir);
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
