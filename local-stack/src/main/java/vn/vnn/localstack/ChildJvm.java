package vn.vnn.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The local stack run in a JVM of its own, with the classpath its build recorded ({@code local-stack.classpath}).
 * Tests use it for infrastructure; stopping it is a SIGTERM, which runs the stack's own shutdown.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ChildJvm startLocalStack(List<String> args, java.util.Map<String, String> env, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-cp", classpath(), LocalStackMain.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        return new ChildJvm(process, log);
    }

    /** This module's classes (a jar or a classes folder) followed by its recorded runtime dependencies. */
    static String classpath() throws IOException {
        String own;
        try {
            own = Path.of(LocalStackMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (InputStream in = LocalStackMain.class.getResourceAsStream("/local-stack.classpath")) {
            if (in == null) {
                throw new IOException("local-stack.classpath is missing: build local-stack with Maven first");
            }
            return own + java.io.File.pathSeparator + new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    /** How the child ended: its exit code, or the signal that killed it. */
    public String exitDescription() {
        return ManagedProcess.describeExit(process);
    }

    /** The child's process, e.g. to kill it as {@code kill -9} would. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits for a file the child writes when it is ready; fails early, with its log, if it died. */
    public void awaitFile(Path file, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String out = Files.exists(log) ? Files.readString(log) : "";
                close();
                throw new IOException("local stack did not become ready; its output:\n" + out);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(60).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
