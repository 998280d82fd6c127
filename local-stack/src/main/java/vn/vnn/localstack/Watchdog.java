package vn.vnn.localstack;

import java.io.IOException;
import java.util.List;

/**
 * Stops a child of the stack when the stack's own JVM dies, even by {@code kill -9}, so that no PostgreSQL, Keycloak
 * or service is left holding ports and data folders. A small bash loop, started beside each child, outlives the JVM:
 * once the JVM is gone it signals the child (SIGTERM, or SIGINT for PostgreSQL's fast shutdown) and kills it if it
 * has not ended after 15 s. It ends by itself when the child ends first (stopped by the stack, or dead).
 */
final class Watchdog {

    private static final String SCRIPT = """
            parent=$1; pid=$2; signal=$3
            while kill -0 "$parent" 2>/dev/null; do
              kill -0 "$pid" 2>/dev/null || exit 0
              sleep 1
            done
            kill -"$signal" "$pid" 2>/dev/null || exit 0
            for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
              kill -0 "$pid" 2>/dev/null || exit 0
              sleep 1
            done
            kill -KILL "$pid" 2>/dev/null
            """;

    private Watchdog() {
    }

    /** Guards a process: {@code signal} is TERM or INT. Where bash is missing, says so once and guards nothing. */
    static void guard(long pid, String signal) {
        try {
            new ProcessBuilder(List.of("bash", "-c", SCRIPT, "vnn-watchdog",
                    Long.toString(ProcessHandle.current().pid()), Long.toString(pid), signal))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            System.err.println("No watchdog for process " + pid + " (" + e.getMessage() + "): it would outlive a "
                    + "killed run command");
        }
    }
}
