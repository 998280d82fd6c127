package vn.vnn.fund.banking;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import vn.vnn.kit.jobs.JobTurns;
import vn.vnn.kit.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/**
 * Runs queued bank statements one at a time per service instance: read, checked and matched in one transaction, then
 * the donation of each line that carried an intent's reference in its own, then the months it touched reconciled. A
 * statement taken over after a crash goes on where the last run stopped.
 */
@ApplicationScoped
public class StatementImportWorker {

    private static final Logger LOG = Logger.getLogger(StatementImportWorker.class);
    /** Lines between two heartbeats while donations are recorded. */
    private static final int BEAT_EVERY = 200;
    /** Lines whose donations' cash is placed in one transaction. */
    private static final int CASH_CHUNK = 500;

    private final StatementImports imports;
    private final Reconciliations reconciliations;
    private final ManagedExecutor executor;
    /** One statement at a time per instance. */
    private final JobTurns turns = new JobTurns("Bank statement");

    StatementImportWorker(StatementImports imports, Reconciliations reconciliations, ManagedExecutor executor) {
        this.imports = imports;
        this.reconciliations = reconciliations;
        this.executor = executor;
    }

    @Scheduled(every = "${vnn.bank-statements.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        turns.take(imports::claimNext, this::run);
    }

    /** Starts on a new upload as soon as it is committed, instead of at the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatementImports.Queued queued) {
        executor.execute(this::poll);
    }

    private void run(UUID id) {
        long started = System.nanoTime();
        try {
            if (!imports.readAndMatch(id)) {
                LOG.infof("Bank statement %s refused", id);
                return;
            }
            List<UUID> lines = imports.intentLinesWithoutDonation(id);
            for (int i = 0; i < lines.size(); i++) {
                try {
                    imports.recordIntentDonation(lines.get(i));
                } catch (ProblemException e) {
                    imports.leaveForOfficer(lines.get(i), Reconciliations.describe(e));
                }
                if (i % BEAT_EVERY == BEAT_EVERY - 1) {
                    imports.beat(id);
                }
            }
            List<UUID> matched = imports.bankReferenceLines(id);
            for (int from = 0; from < matched.size(); from += CASH_CHUNK) {
                imports.placeMatchedCash(matched.subList(from, Math.min(matched.size(), from + CASH_CHUNK)));
                imports.beat(id);
            }
            UploadedStatement done = imports.finish(id);
            reconciliations.settle(done.bankAccountId, done.openedOn, done.closedOn);
            LOG.infof("Bank statement %s: %d lines in %d ms", id, done.lineCount,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // The file's content is never logged: it holds donors' names and accounts.
            LOG.errorf("Bank statement %s failed: %s", id, e.getClass().getName());
            imports.fail(id, "the service could not finish this statement (" + e.getClass().getSimpleName() + ")");
        }
    }
}
