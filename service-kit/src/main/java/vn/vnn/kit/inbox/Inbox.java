package vn.vnn.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The idempotent-consumer record. A consumer calls {@link #firstDeliveries} in the same transaction as its effect:
 * the first delivery of an event inserts its id and goes on; a redelivery finds the id and has no second effect.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The events of {@code events} that {@code consumer} sees for the first time, each once, in their order; the
     * others (redeliveries, repeats within the list) are dropped. One statement for the whole list. Must run in the
     * transaction that applies the events, so that the records and the effects commit or roll back together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends Record> List<IncomingEvent<T>> firstDeliveries(String consumer, List<IncomingEvent<T>> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<String> inserted = entityManager.createNativeQuery("""
                        INSERT INTO inbox_message (consumer, event_id, event_type)
                        SELECT ?1, id, type FROM unnest(CAST(?2 AS text[]), CAST(?3 AS text[])) AS e (id, type)
                        ON CONFLICT (consumer, event_id) DO NOTHING
                        RETURNING event_id""")
                .setParameter(1, consumer)
                .setParameter(2, events.stream().map(IncomingEvent::id).toArray(String[]::new))
                .setParameter(3, events.stream().map(IncomingEvent::type).toArray(String[]::new))
                .getResultList();
        Set<String> first = new HashSet<>(inserted);
        List<IncomingEvent<T>> fresh = new ArrayList<>(first.size());
        for (IncomingEvent<T> event : events) {
            if (first.remove(event.id())) {
                fresh.add(event);
            }
        }
        return fresh;
    }
}
