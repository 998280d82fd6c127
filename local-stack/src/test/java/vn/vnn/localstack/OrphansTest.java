package vn.vnn.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Killing the run command's JVM with {@code kill -9} leaves no child behind: PostgreSQL (started by pg_ctl, so not
 * even a child of the JVM) and every process the stack started stop within seconds, freeing their ports.
 */
class OrphansTest {

    @Test
    void killingTheRunCommandLeavesNoChild(@TempDir Path dir) throws Exception {
        Path ready = dir.resolve("ready.properties");
        try (ChildJvm stack = ChildJvm.startLocalStack(List.of("--only=postgres,kafka", "--free-ports",
                "--data-dir=" + dir.resolve("data"), "--ready-file=" + ready), Map.of(), dir.resolve("stack.log"))) {
            stack.awaitFile(ready, Duration.ofMinutes(2));
            Properties addresses = new Properties();
            try (InputStream in = Files.newInputStream(ready)) {
                addresses.load(in);
            }
            Path pidFile = dir.resolve("data/postgres/data/postmaster.pid");
            long postgres = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            int port = Integer.parseInt(Files.readAllLines(pidFile).get(3).strip());
            assertThat(ProcessHandle.of(postgres)).map(ProcessHandle::isAlive).contains(true);
            List<ProcessHandle> children = stack.handle().descendants().toList();

            stack.handle().destroyForcibly(); // SIGKILL: no shutdown hook runs
            stack.handle().onExit().get();

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && (alive(postgres) || children.stream().anyMatch(ProcessHandle::isAlive)
                    || listening(port))) {
                Thread.sleep(200);
            }
            assertThat(alive(postgres)).as("PostgreSQL (pid %d) still running", postgres).isFalse();
            assertThat(children.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList())
                    .as("children still running").isEmpty();
            assertThat(listening(port)).as("port %d still taken", port).isFalse();
            assertThat(addresses).isNotEmpty();
        }
    }

    private static boolean alive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.isPresent() && handle.get().isAlive();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
