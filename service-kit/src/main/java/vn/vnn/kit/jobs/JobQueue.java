package vn.vnn.kit.jobs;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The queue of a table of background jobs (imports of uploaded files): a job is QUEUED, then RUNNING while its worker
 * beats ({@code heartbeat_at}); a job whose worker stopped beating for two minutes is taken over, unless it was taken
 * {@code maxAttempts} times already — then it is FAILED, so that a file that stops the service does not do so in a
 * loop. The table has {@code id, status, submitted_at, started_at, heartbeat_at, finished_at, attempts, failure,
 * version}.
 */
public final class JobQueue {

    private JobQueue() {
    }

    /**
     * Takes the oldest queued job, or one whose worker stopped; empty when there is none. In the caller's
     * transaction; {@code clearedOnFailure} are further assignments made when a stopped job is failed (e.g.
     * {@code content = NULL}).
     */
    public static Optional<UUID> claimNext(EntityManager entityManager, String table, int maxAttempts,
                                           String stoppedWhile, String clearedOnFailure) {
        entityManager.createNativeQuery("UPDATE " + table + """
                         SET status = 'FAILED', finished_at = now(), version = version + 1%s,
                               failure = 'stopped: the service stopped while %s ' || attempts
                                         || ' times; split the file or contact the administrator'
                        WHERE status = 'RUNNING' AND heartbeat_at < now() - interval '2 minutes'
                          AND attempts >= ?1""".formatted(clearedOnFailure == null ? "" : ", " + clearedOnFailure,
                        stoppedWhile))
                .setParameter(1, maxAttempts).executeUpdate();
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("UPDATE " + table + """
                         SET status = 'RUNNING', started_at = coalesce(started_at, now()),
                               heartbeat_at = now(), version = version + 1, attempts = attempts + 1
                        WHERE id = (SELECT id FROM %s
                                    WHERE status = 'QUEUED'
                                       OR (status = 'RUNNING' AND heartbeat_at < now() - interval '2 minutes')
                                    ORDER BY submitted_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id""".formatted(table), UUID.class).getResultList();
        return ids.stream().findFirst();
    }
}
