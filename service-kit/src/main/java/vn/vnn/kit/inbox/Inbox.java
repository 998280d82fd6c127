package vn.vnn.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The idempotent-consumer record. A consumer calls {@link #firstDelivery} in the same transaction as its effect:
 * the first delivery of an event inserts its id and goes on; a redelivery finds the id and has no second effect.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * True the first time {@code consumer} sees {@code event}; false for every redelivery. Must run in the
     * transaction that applies the event, so that the record and the effect commit or roll back together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, IncomingEvent<?> event) {
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO inbox_message (consumer, event_id, event_type) VALUES (?1, ?2, ?3)
                        ON CONFLICT (consumer, event_id) DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate();
        return inserted == 1;
    }
}
