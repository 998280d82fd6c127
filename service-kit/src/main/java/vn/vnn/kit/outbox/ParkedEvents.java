package vn.vnn.kit.outbox;

import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.sql.NativeValues;
import vn.vnn.kit.sql.TableOwner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The outbox events the broker refused for good ({@link OutboxRelay}): an admin sees them with their reason, and
 * retries one (after the cause is fixed) or discards it (its aggregate's later events then flow); both audited.
 */
@ApplicationScoped
@TableOwner({"outbox_event"})
public class ParkedEvents {

    /** A parked event: what it is about and why it was refused; never its payload (it may be large). */
    public record Parked(UUID id, String aggregateType, String aggregateId, String eventType, String topic,
                         int attempts, String lastError, OffsetDateTime occurredAt, OffsetDateTime parkedAt) {
    }

    private final EntityManager entityManager;
    private final AuditLog audit;
    private final OutboxRelay relay;

    ParkedEvents(EntityManager entityManager, AuditLog audit, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.audit = audit;
        this.relay = relay;
    }

    @Transactional
    public List<Parked> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT id, aggregate_type, aggregate_id, event_type, topic, attempts, last_error, occurred_at,
                               parked_at
                        FROM outbox_event WHERE parked_at IS NOT NULL AND sent_at IS NULL ORDER BY seq LIMIT 1000""")
                .getResultList();
        return rows.stream().map(r -> new Parked((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], ((Number) r[5]).intValue(), (String) r[6], NativeValues.offsetDateTime(r[7]),
                NativeValues.offsetDateTime(r[8]))).toList();
    }

    /** Publishing is tried again from scratch (attempts counted anew); its aggregate's later events wait for it. */
    @Transactional
    public void retry(UUID id, String actor) {
        Parked event = parked(id);
        entityManager.createNativeQuery("UPDATE outbox_event SET parked_at = NULL, attempts = 0 WHERE id = ?1")
                .setParameter(1, id).executeUpdate();
        audit.record("OUTBOX_EVENT", id, "RETRIED", actor, event.eventType() + " of " + event.aggregateType() + " "
                + event.aggregateId() + " after: " + event.lastError());
        relay.wakeUp();
    }

    /** The event is never published; its aggregate's later events flow on. */
    @Transactional
    public void discard(UUID id, String actor) {
        Parked event = parked(id);
        entityManager.createNativeQuery("""
                        UPDATE outbox_event SET sent_at = now(),
                               last_error = left('discarded by ' || ?2 || ' after: ' || coalesce(last_error, ''), 1000)
                        WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, actor).executeUpdate();
        audit.record("OUTBOX_EVENT", id, "DISCARDED", actor, event.eventType() + " of " + event.aggregateType()
                + " " + event.aggregateId() + " after: " + event.lastError());
        relay.wakeUp();
    }

    private Parked parked(UUID id) {
        return list().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Parked outbox event", id));
    }
}
