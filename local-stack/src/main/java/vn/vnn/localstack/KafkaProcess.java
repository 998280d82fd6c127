package vn.vnn.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Kafka broker in a JVM of its own (the local stack's code with {@code --only=kafka}), so that it can die, be
 * restarted by the supervisor and be stopped by a fault drill like any other part, with its log folder kept.
 */
final class KafkaProcess implements Supervised {

    private final ChildJvm jvm;
    private final String bootstrapServers;
    private final Path log;

    private KafkaProcess(ChildJvm jvm, String bootstrapServers, Path log) {
        this.jvm = jvm;
        this.bootstrapServers = bootstrapServers;
        this.log = log;
    }

    static KafkaProcess start(Path dataDir, int port, int controllerPort) throws IOException {
        Files.createDirectories(dataDir.resolve("logs"));
        Path ready = dataDir.resolve("kafka-ready.properties");
        Files.deleteIfExists(ready);
        Path log = dataDir.resolve("logs/kafka.log");
        ChildJvm jvm = ChildJvm.startLocalStack(List.of("--only=kafka", "--data-dir=" + dataDir,
                        "--ready-file=" + ready),
                Map.of("KAFKA_PORT", String.valueOf(port), "KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort)),
                log);
        Watchdog.guard(jvm.handle().pid(), "TERM");
        jvm.awaitFile(ready, Duration.ofMinutes(2));
        return new KafkaProcess(jvm, "127.0.0.1:" + port, log);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public boolean isAlive() {
        return jvm.handle().isAlive();
    }

    @Override
    public long pid() {
        return jvm.handle().pid();
    }

    @Override
    public String exitDescription() {
        return jvm.exitDescription();
    }

    @Override
    public String logHint() {
        return log.toString();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
