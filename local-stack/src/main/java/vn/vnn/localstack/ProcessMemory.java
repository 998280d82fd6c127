package vn.vnn.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Resident memory of the stack, read from /proc (Linux): this process, everything it started, and the PostgreSQL
 * server, which detaches from us when it starts (found by its data folder on its command line).
 */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    public static long stackRssMegabytes(Path dataDir) {
        Map<Long, ProcessHandle> processes = new LinkedHashMap<>();
        ProcessHandle self = ProcessHandle.current();
        Stream.concat(Stream.of(self), self.descendants()).forEach(p -> processes.put(p.pid(), p));
        String folder = dataDir.toAbsolutePath().toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(folder)).orElse(false))
                .forEach(root -> Stream.concat(Stream.of(root), root.descendants())
                        .forEach(p -> processes.put(p.pid(), p)));
        long kb = processes.values().stream().mapToLong(ProcessMemory::rssKb).sum();
        return kb / 1024;
    }

    /** Resident memory of one process (e.g. a service, by {@code LocalStack.pid}). */
    public static long rssMegabytes(long pid) {
        return ProcessHandle.of(pid).map(ProcessMemory::rssKb).orElse(0L) / 1024;
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
