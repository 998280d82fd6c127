package vn.vnn.kit.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Forgets idempotency records once they are older than {@code vnn.idempotency.keep} (at least 24 h). */
@ApplicationScoped
public class IdempotencyHousekeeping {

    private static final Logger LOG = Logger.getLogger(IdempotencyHousekeeping.class);
    private static final Duration MINIMUM = Duration.ofHours(24);

    private final EntityManager entityManager;
    private final Duration keep;
    private ScheduledExecutorService executor;

    IdempotencyHousekeeping(EntityManager entityManager,
                            @ConfigProperty(name = "vnn.idempotency.keep", defaultValue = "48h") Duration keep) {
        this.entityManager = entityManager;
        this.keep = keep.compareTo(MINIMUM) < 0 ? MINIMUM : keep;
    }

    void onStart(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "idempotency-housekeeping"));
        executor.scheduleWithFixedDelay(this::deleteExpired, 5, 60, TimeUnit.MINUTES);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    public int deleteExpired() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                            "DELETE FROM idempotency_record WHERE created_at < ?1")
                    .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minus(keep))
                    .executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("Could not delete expired idempotency records: %s", e.getMessage());
            return 0;
        }
    }
}
