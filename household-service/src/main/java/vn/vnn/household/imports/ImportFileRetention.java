package vn.vnn.household.imports;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Uploaded household files hold citizen IDs of whole communes: each is kept only while its job may need it, and
 * deleted {@code vnn.import.file-retention} (default 30 days) after the job finished. The job, its error report and
 * the file's SHA-256 (what an Idempotency-Key is checked against) stay.
 */
@ApplicationScoped
public class ImportFileRetention {

    private static final Logger LOG = Logger.getLogger(ImportFileRetention.class);

    private final EntityManager entityManager;
    private final Duration retention;

    ImportFileRetention(EntityManager entityManager,
                        @ConfigProperty(name = "vnn.import.file-retention", defaultValue = "30d") Duration retention) {
        this.entityManager = entityManager;
        this.retention = retention;
    }

    @Scheduled(every = "${vnn.import.file-retention-check:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() {
        int deleted = deleteFilesFinishedBefore(retention);
        if (deleted > 0) {
            LOG.infof("Deleted the uploaded files of %d finished import(s) older than %s", deleted, retention);
        }
    }

    /** Deletes the files of jobs that finished more than {@code age} ago; returns how many. */
    @Transactional
    public int deleteFilesFinishedBefore(Duration age) {
        return entityManager.createNativeQuery("""
                        UPDATE household_import SET content = CAST('' AS bytea), content_deleted_at = now(),
                               version = version + 1
                        WHERE content_deleted_at IS NULL AND status IN ('COMPLETED', 'FAILED')
                          AND finished_at < now() - make_interval(secs => ?1)""")
                .setParameter(1, (double) age.toSeconds()).executeUpdate();
    }
}
