package vn.vnn.household.verification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;

/** Answers queued bulk verification jobs, a chunk per transaction, so that a restart resumes where it stopped. */
@ApplicationScoped
public class VerificationJobWorker {

    private static final Logger LOG = Logger.getLogger(VerificationJobWorker.class);

    private final VerificationJobs jobs;

    VerificationJobWorker(VerificationJobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(every = "${vnn.verification.jobs.poll-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        Optional<VerificationJobs.Taken> taken = QuarkusTransaction.requiringNew().call(jobs::take);
        if (taken.isEmpty()) {
            return;
        }
        VerificationJobs.Taken job = taken.get();
        int[] from = {job.done()};
        try {
            while (QuarkusTransaction.requiringNew().call(() -> jobs.answerChunk(job, from[0]))) {
                from[0] = Math.min(from[0] + VerificationJobs.CHUNK, job.subjects().size());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Verification job %s failed: %s", job.id(), e.getClass().getSimpleName());
            QuarkusTransaction.requiringNew().run(() -> jobs.failed(job.id(), "the job could not be answered: "
                    + e.getClass().getSimpleName()));
        }
    }
}
