package vn.vnn.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL and the Kafka broker are supervised like the services: killed with {@code kill -9}, each is started
 * again by the run command on the same port with the data it had, and the status says so.
 */
class InfrastructureSupervisionTest {

    @Test
    void killedPostgresAndKafkaComeBackWithTheirData(@TempDir Path dir) throws Exception {
        Path ready = dir.resolve("ready.properties");
        Path data = dir.resolve("data");
        try (ChildJvm stack = ChildJvm.startLocalStack(List.of("--only=postgres,kafka", "--free-ports",
                "--databases=drill", "--data-dir=" + data, "--ready-file=" + ready), Map.of(), dir.resolve("stack.log"))) {
            stack.awaitFile(ready, Duration.ofMinutes(2));
            Properties addresses = new Properties();
            try (InputStream in = Files.newInputStream(ready)) {
                addresses.load(in);
            }
            String jdbc = addresses.getProperty("jdbc.drill");
            String user = addresses.getProperty("db.username");
            String password = addresses.getProperty("db.password");
            try (Connection connection = DriverManager.getConnection(jdbc, user, password)) {
                connection.createStatement().execute("CREATE TABLE kept (note text)");
                connection.createStatement().execute("INSERT INTO kept VALUES ('trước khi bị giết')");
            }
            int kafkaPort = Integer.parseInt(addresses.getProperty("kafka.bootstrap.servers").replaceAll(".*:", ""));
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/data/postmaster.pid")).get(0)
                    .strip());
            Path status = data.resolve("status.txt");
            long deadlineForStatus = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (pidOf(status, "kafka") == 0 && System.nanoTime() < deadlineForStatus) {
                Thread.sleep(200);
            }
            ProcessHandle kafka = ProcessHandle.of(pidOf(status, "kafka")).orElseThrow();
            assertThat(kafka.parent().map(ProcessHandle::pid)).contains(stack.handle().pid());

            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            kafka.destroyForcibly();

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline && !(restartedAndUp(status, "postgres") && restartedAndUp(status, "kafka"))) {
                Thread.sleep(500);
            }
            String text = Supervisor.read(status) + "\n" + Files.readString(dir.resolve("stack.log"));
            assertThat(restartedAndUp(status, "postgres")).as(text).isTrue();
            assertThat(restartedAndUp(status, "kafka")).as(text).isTrue();
            try (Connection connection = DriverManager.getConnection(jdbc, user, password);
                 ResultSet rows = connection.createStatement().executeQuery("SELECT note FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("trước khi bị giết");
            }
            try (Socket socket = new Socket("127.0.0.1", kafkaPort)) {
                assertThat(socket.isConnected()).isTrue();
            }
            assertThat(Files.readString(dir.resolve("stack.log")))
                    .contains("[supervisor", "postgres stopped (postmaster " + postmaster, "kafka was killed (signal 9)");
        }
    }

    private static long pidOf(Path status, String part) {
        return Supervisor.read(status).lines().filter(line -> line.startsWith(part + " ") && line.contains(" UP "))
                .map(line -> Long.parseLong(line.replaceAll(".* pid (\\d+) .*", "$1"))).findFirst().orElse(0L);
    }

    private static boolean restartedAndUp(Path status, String part) {
        return Supervisor.read(status).lines().anyMatch(line -> line.startsWith(part + " ")
                && line.contains(" UP ") && line.contains("restarts 1"));
    }
}
