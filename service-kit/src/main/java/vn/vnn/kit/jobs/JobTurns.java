package vn.vnn.kit.jobs;

import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A worker's turns at its job queue: one turn at a time per instance (the scheduler's tick and the wake-up after an
 * upload share it), each turn taking jobs until none is left. A queue that cannot be read (the database is away, the
 * service is stopping) ends the turn with a warning; the next tick tries again.
 */
public final class JobTurns {

    private static final Logger LOG = Logger.getLogger(JobTurns.class);

    private final String queue;
    private final AtomicBoolean running = new AtomicBoolean();

    /** {@code queue} names the jobs in the log, e.g. "Household import". */
    public JobTurns(String queue) {
        this.queue = queue;
    }

    /** Runs every job {@code next} hands out, unless another turn is running already. */
    public void take(Supplier<Optional<UUID>> next, Consumer<UUID> run) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Optional<UUID> job;
            while ((job = next.get()).isPresent()) {
                run.accept(job.get());
            }
        } catch (RuntimeException e) {
            LOG.warnf("%s queue not read: %s", queue, e.getClass().getSimpleName());
        } finally {
            running.set(false);
        }
    }
}
