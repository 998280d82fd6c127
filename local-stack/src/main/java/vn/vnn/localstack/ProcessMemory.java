package vn.vnn.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident memory of this process and everything it started, read from /proc (Linux). */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    public static long stackRssMegabytes() {
        ProcessHandle self = ProcessHandle.current();
        long kb = Stream.concat(Stream.of(self), self.descendants()).mapToLong(ProcessMemory::rssKb).sum();
        return kb / 1024;
    }

    static long rssKb(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process is gone: it holds no memory we can count.
        }
        return 0;
    }
}
