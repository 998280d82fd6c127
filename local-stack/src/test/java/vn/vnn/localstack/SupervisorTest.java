package vn.vnn.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisorTest {

    /** 1 s, doubling to 30 s while a service keeps failing. */
    @Test
    void thePauseDoublesUpToThirtySeconds() {
        List<Long> pauses = new ArrayList<>();
        Duration pause = Supervisor.FIRST_PAUSE;
        for (int i = 0; i < 8; i++) {
            pauses.add(pause.toSeconds());
            pause = Supervisor.nextPause(pause);
        }
        assertThat(pauses).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(Supervisor.HEALTHY_AFTER).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theStatusSaysWhetherTheStackRuns(@TempDir Path dir) throws Exception {
        Path status = dir.resolve("status.txt");
        assertThat(Supervisor.read(status)).contains("not running");
        Files.writeString(status, "# local stack pid " + ProcessHandle.current().pid() + ", written 10:00:00\n"
                + "fund-service       UP         pid 42      restarts 1\n");
        assertThat(Supervisor.read(status)).startsWith("# local stack pid").contains("restarts 1");
        Files.writeString(status, "# local stack pid 2147483646, written 10:00:00\nfund-service UP\n");
        assertThat(Supervisor.read(status)).startsWith("The local stack is not running");
    }
}
