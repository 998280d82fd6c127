package vn.vnn.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vnn.localstack.LocalStack;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Try it" block, run as a newcomer would (bash and curl, nothing else installed), against the test
 * stack: only its ports differ from the local stack's defaults.
 */
@ExtendWith(SharedStack.class)
class ReadmeExamplesIT {

    @Test
    void theTryItBlockRunsAsWritten() throws Exception {
        Assumptions.assumeTrue(onPath("curl") && onPath("bash"), "bash and curl are needed to run the README block");
        LocalStack stack = SharedStack.stack();
        Path root = Path.of(System.getProperty("vnn.repo.root", "..")).toAbsolutePath().normalize();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("### Try it\\s+```bash\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("the README has a bash block under 'Try it'").isTrue();
        URI realm = URI.create(stack.realmUrl());
        String script = "set -e\n" + block.group(1)
                .replace("http://localhost:8080", stack.gatewayUrl())
                .replace("http://localhost:8180", realm.getScheme() + "://" + realm.getAuthority());
        Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        assertThat(bash.waitFor(2, TimeUnit.MINUTES)).as("the block finishes").isTrue();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.exitValue()).as(out).isZero();
        assertThat(out).doesNotContain("command not found").contains("HTTP/1.1 201")
                .contains("Tập đoàn Viettel");
    }

    private static boolean onPath(String command) throws IOException, InterruptedException {
        return new ProcessBuilder("bash", "-c", "command -v " + command).start().waitFor() == 0;
    }
}
