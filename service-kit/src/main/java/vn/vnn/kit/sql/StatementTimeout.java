package vn.vnn.kit.sql;

import jakarta.persistence.EntityManager;

import java.time.Duration;

/**
 * Bounds every statement of the current transaction ({@code SET LOCAL statement_timeout}): a public read that would
 * run longer is cancelled by PostgreSQL and answered 503 with Retry-After (ProblemMappers), instead of holding a
 * connection that the officers' requests need.
 */
public final class StatementTimeout {

    private StatementTimeout() {
    }

    public static void apply(EntityManager entityManager, Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        entityManager.createNativeQuery("SELECT set_config('statement_timeout', ?1, true)")
                .setParameter(1, millis + "ms").getSingleResult();
    }
}
