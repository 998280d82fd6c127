package vn.vnn.kit.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox backlog. A backlog does not make the service unready (writes are safe while Kafka is down;
 * the relay catches up), but operators see how many events wait, since when, the last error, and how many the broker
 * refused for good (parked).
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final EntityManager entityManager;

    OutboxHealthCheck(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                    SELECT count(*),
                           coalesce(extract(epoch FROM now() - min(occurred_at)), 0),
                           coalesce(max(last_error), ''),
                           count(*) FILTER (WHERE parked_at IS NOT NULL)
                    FROM outbox_event WHERE sent_at IS NULL""").getSingleResult());
            return HealthCheckResponse.named("outbox").up()
                    .withData("unsent", ((Number) row[0]).longValue())
                    .withData("parked", ((Number) row[3]).longValue())
                    .withData("oldestUnsentSeconds", ((Number) row[1]).longValue())
                    .withData("lastError", row[2].toString())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("outbox").down().withData("error", "outbox table unreadable").build();
        }
    }
}
