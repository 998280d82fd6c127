package vn.vnn.localstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.vnn.localstack.ChildJvm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL database and a real Kafka broker, started by the local stack's own
 * code in a separate JVM (so the broker's jars never mix with the application's classpath).
 *
 * <p>Arguments: {@code database} (default {@code app}).
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    private ChildJvm child;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("vnn-test-infra-");
            Path ready = dir.resolve("ready.properties");
            child = ChildJvm.startLocalStack(List.of("--only=postgres,kafka", "--free-ports", "--fresh",
                    "--data-dir=" + dir.resolve("data"), "--databases=" + database, "--ready-file=" + ready),
                    dir.resolve("infrastructure.log"));
            child.awaitFile(ready, Duration.ofMinutes(2));
            Properties props = new Properties();
            try (InputStream in = Files.newInputStream(ready)) {
                props.load(in);
            }
            return Map.of(
                    "quarkus.datasource.jdbc.url", props.getProperty("jdbc." + database),
                    "quarkus.datasource.username", props.getProperty("db.username"),
                    "quarkus.datasource.password", props.getProperty("db.password"),
                    "kafka.bootstrap.servers", props.getProperty("kafka.bootstrap.servers"));
        } catch (IOException e) {
            throw new IllegalStateException("could not start the test infrastructure", e);
        }
    }

    @Override
    public void stop() {
        if (child != null) {
            child.close();
        }
    }
}
