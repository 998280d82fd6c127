package vn.vnn.household.imports;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.vnn.kit.jobs.JobTurns;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs queued household imports one at a time per service instance. The file is read as a stream; households are
 * stored in chunks, each chunk in its own transaction together with the job's progress, so a job taken over after a
 * crash skips what an earlier run already decided.
 */
@ApplicationScoped
public class HouseholdImportWorker {

    private static final Logger LOG = Logger.getLogger(HouseholdImportWorker.class);

    private final ImportJobs imports;
    private final ImportDecisions decisions;
    private final ManagedExecutor executor;
    private final int chunkSize;
    /** One import at a time per instance. */
    private final JobTurns turns = new JobTurns("Household import");

    HouseholdImportWorker(ImportJobs imports, ImportDecisions decisions, ManagedExecutor executor,
                          @ConfigProperty(name = "vnn.import.chunk-size", defaultValue = "2000") int chunkSize) {
        this.imports = imports;
        this.decisions = decisions;
        this.executor = executor;
        this.chunkSize = chunkSize;
    }

    @Scheduled(every = "${vnn.import.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        turns.take(imports::claimNext, this::run);
    }

    /** Starts on a new upload as soon as it is committed, instead of at the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ImportJobs.Queued queued) {
        executor.execute(this::poll);
    }

    private void run(UUID id) {
        long started = System.nanoTime();
        try {
            ImportRun run = imports.open(id);
            Chunks chunks = new Chunks(run);
            // The file is read and its households built on a thread of their own while the chunks before are
            // decided and stored: reading and storing each take about half of an import's time.
            try (ChunkReader reader = ChunkReader.start(run, chunkSize)) {
                ChunkReader.Chunk chunk;
                while ((chunk = reader.next()) != null) {
                    chunks.store(chunk);
                }
            }
            imports.finish(id);
            LOG.infof("Import %s done in %d ms, %d ms of them deciding and storing chunks", id,
                    (System.nanoTime() - started) / 1_000_000, chunks.storingNanos / 1_000_000);
        } catch (OutOfMemoryError e) {
            // Limits keep a file from getting here; if one still does, its job fails instead of being retried.
            LOG.errorf("Import %s needed more memory than the service has", id);
            imports.fail(id, "the file needs more memory than the service has; split it into smaller files");
        } catch (RuntimeException e) {
            // The households decided so far stay; the job says where and why it stopped.
            LOG.errorf(e, "Import %s failed", id);
            imports.fail(id, e instanceof TabularFile.UnreadableFile ? e.getMessage()
                    : "stopped by an internal error; the households decided so far are kept");
        }
    }

    /** Stores chunks of households, those an earlier run of the job already decided left out. */
    private final class Chunks {
        private final ImportRun run;
        private long storingNanos;

        Chunks(ImportRun run) {
            this.run = run;
        }

        void store(ChunkReader.Chunk read) {
            List<HouseholdRows.Imported> chunk = new ArrayList<>();
            List<Integer> rowsAfter = new ArrayList<>();
            for (int i = 0; i < read.households().size(); i++) {
                if (read.rowsAfter().get(i) > run.rowsDone()) {
                    chunk.add(read.households().get(i));
                    rowsAfter.add(read.rowsAfter().get(i));
                }
            }
            if (chunk.isEmpty()) {
                return;
            }
            long started = System.nanoTime();
            try {
                decisions.store(run, chunk, rowsAfter.get(rowsAfter.size() - 1));
            } catch (RuntimeException e) {
                // Someone registered one of these households or citizen IDs meanwhile: decide them one by one.
                LOG.warnf("Import %s: a chunk conflicted with concurrent changes; storing it household by household",
                        run.id());
                for (int i = 0; i < chunk.size(); i++) {
                    HouseholdRows.Imported household = chunk.get(i);
                    try {
                        decisions.store(run, List.of(household), rowsAfter.get(i));
                    } catch (RuntimeException conflict) {
                        decisions.reject(run, household, rowsAfter.get(i),
                                "conflicts with a household or member registered while the file was imported");
                    }
                }
            }
            storingNanos += System.nanoTime() - started;
        }
    }
}
