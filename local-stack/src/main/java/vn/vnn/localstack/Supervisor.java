package vn.vnn.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Brings back a part of the stack (a service, PostgreSQL, Kafka, Keycloak) that exits unexpectedly: restarted after a pause that grows from 1 s, doubling to 30 s while
 * it keeps failing, back to 1 s after a minute of health; each restart is logged with its reason and counted. A
 * service stopped on purpose ({@link #stopped}) is left down. What is up is written to a status file each second,
 * which {@code ./run.sh --status} prints from another terminal.
 */
final class Supervisor implements AutoCloseable {

    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    static final Duration HEALTHY_AFTER = Duration.ofMinutes(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** What restarts a part as it was first started (and waits until it is ready). */
    interface Launch {
        Supervised start() throws Exception;
    }

    /** Where the stack keeps the current process of each part. */
    interface Replace {
        void with(String name, Supervised old, Supervised fresh);
    }

    /** The pause before the next restart, from the pause before the last one. */
    static Duration nextPause(Duration last) {
        Duration doubled = last.multipliedBy(2);
        return doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
    }

    private static final class Watched {
        final Launch launch;
        Supervised current;
        boolean stopped;
        boolean launching;
        int restarts;
        Duration pause = FIRST_PAUSE;
        long upSince = System.nanoTime();
        long restartAt;
        String lastReason = "";

        Watched(Supervised current, Launch launch) {
            this.current = current;
            this.launch = launch;
        }
    }

    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private final Path statusFile;
    private final Replace replace;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "local-stack-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    /** Restarts wait for readiness (Keycloak takes a while): they run here, so the others are still watched. */
    private final java.util.concurrent.ExecutorService launcher = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "local-stack-restart");
        thread.setDaemon(true);
        return thread;
    });

    Supervisor(Path statusFile, Replace replace) {
        this.statusFile = statusFile;
        this.replace = replace;
    }

    synchronized void watch(String name, Supervised process, Launch launch) {
        watched.put(name, new Watched(process, launch));
    }

    void begin() {
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** A service stopped on purpose stays down until {@link #started}. */
    synchronized void stopped(String name) {
        watched.get(name).stopped = true;
    }

    synchronized void started(String name, Supervised process) {
        Watched w = watched.get(name);
        w.current = process;
        w.stopped = false;
        w.upSince = System.nanoTime();
        w.restartAt = 0;
    }

    synchronized int restarts(String name) {
        return watched.get(name).restarts;
    }

    private synchronized void tick() {
        long now = System.nanoTime();
        for (Map.Entry<String, Watched> entry : watched.entrySet()) {
            String name = entry.getKey();
            Watched w = entry.getValue();
            if (w.stopped || w.launching) {
                continue;
            }
            if (w.current.isAlive()) {
                if (now - w.upSince > HEALTHY_AFTER.toNanos()) {
                    w.pause = FIRST_PAUSE;
                }
                continue;
            }
            if (w.restartAt == 0) {
                w.lastReason = w.current.exitDescription();
                w.restartAt = now + w.pause.toNanos();
                log("%s %s; restarting in %d s (log: %s)", name, w.lastReason, w.pause.toSeconds(),
                        w.current.logHint());
                continue;
            }
            if (now < w.restartAt) {
                continue;
            }
            w.launching = true;
            launcher.execute(() -> restart(name, w));
        }
        writeStatus();
    }

    private void restart(String name, Watched w) {
        Supervised fresh = null;
        Exception failure = null;
        try {
            fresh = w.launch.start();
        } catch (Exception e) {
            failure = e;
        }
        synchronized (this) {
            w.launching = false;
            long now = System.nanoTime();
            if (fresh != null && w.stopped) {
                fresh.close(); // stopped on purpose while it was starting
            } else if (fresh != null) {
                Supervised old = w.current;
                w.current = fresh;
                w.restarts++;
                w.upSince = now;
                w.restartAt = 0;
                replace.with(name, old, fresh);
                log("%s restarted (restart #%d, pid %d)", name, w.restarts, fresh.pid());
            } else {
                w.restartAt = now + w.pause.toNanos();
                log("%s could not be restarted (%s); trying again in %d s", name, failure, w.pause.toSeconds());
            }
            w.pause = nextPause(w.pause);
        }
    }

    private void writeStatus() {
        if (watched.isEmpty()) {
            return; // a part's own JVM (the Kafka broker's) shares the data folder: the stack's status is not its to write
        }
        StringBuilder text = new StringBuilder("# local stack pid " + ProcessHandle.current().pid() + ", written "
                + LocalTime.now().format(TIME) + "\n");
        watched.forEach((name, w) -> text.append(String.format(Locale.ROOT, "%-18s %-10s pid %-7s restarts %d%s%n",
                name, w.stopped ? "STOPPED" : w.current.isAlive() && !w.launching ? "UP" : "RESTARTING",
                w.current.isAlive() ? Long.toString(w.current.pid()) : "-", w.restarts,
                w.lastReason.isEmpty() ? "" : "  (last: " + w.lastReason + ")")));
        try {
            Path tmp = statusFile.resolveSibling(statusFile.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, statusFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the status is a convenience; supervising goes on
        }
    }

    /** The status written by a running stack, or why there is none. */
    static String read(Path statusFile) {
        try {
            String text = Files.readString(statusFile);
            String first = text.lines().findFirst().orElse("");
            long pid = Long.parseLong(first.replaceAll("^# local stack pid (\\d+),.*$", "$1"));
            boolean running = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return running ? text : "The local stack is not running (its last status follows).\n" + text;
        } catch (IOException | RuntimeException e) {
            return "The local stack is not running here (no " + statusFile + ").";
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[supervisor %s] " + format + "%n",
                concat(LocalTime.now().format(TIME), args));
    }

    private static Object[] concat(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        launcher.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
