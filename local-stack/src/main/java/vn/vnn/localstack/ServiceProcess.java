package vn.vnn.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One of the suite's Quarkus services, started from its packaged build ({@code target/quarkus-app}). */
final class ServiceProcess extends ProcessPart {

    private final String baseUrl;

    private ServiceProcess(ManagedProcess process, String baseUrl) {
        super(process);
        this.baseUrl = baseUrl;
    }

    static ServiceProcess start(String module, int port, Map<String, String> env, StackConfig config, String heap)
            throws IOException {
        return start(module, port, env, config, heap, module);
    }

    /** Like the other, with its own log name (a second instance of a service logs apart). */
    static ServiceProcess start(String module, int port, Map<String, String> env, StackConfig config, String heap,
                                String logName) throws IOException {
        Path jar = config.repoRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC"));
        // The services mostly wait on their database: the quick compiler alone starts them sooner and measured as fast
        // under load on two cores (bench/README.md). The gateway carries every call, so it gets the optimising
        // compiler too; VNN_SERVICE_JIT=full gives it to the services as well.
        if (!"full".equals(System.getenv("VNN_SERVICE_JIT")) && !module.equals("gateway")) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(List.of("-Dfile.encoding=UTF-8", "-jar", jar.toString()));
        ManagedProcess process = ManagedProcess.start(module, command, env, config.repoRoot().resolve(module),
                config.dataDir().resolve("logs").resolve(logName + ".log"));
        return new ServiceProcess(process, "http://localhost:" + port);
    }

    void awaitReady(Duration timeout) {
        Http.awaitOk(process.name(), baseUrl + "/q/health/ready", timeout, process::isAlive,
                () -> process.logTail(60));
    }

    String baseUrl() {
        return baseUrl;
    }

    String name() {
        return process.name();
    }

    Path logFile() {
        return process.logFile();
    }
}
