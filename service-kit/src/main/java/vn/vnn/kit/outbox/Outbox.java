package vn.vnn.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import vn.vnn.events.EventType;
import vn.vnn.kit.Ids;
import vn.vnn.kit.tracing.TraceParents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes an event to the outbox table in the caller's transaction, so that the event exists if and only if the
 * change that caused it was committed. The {@link OutboxRelay} publishes it after commit.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(EntityManager entityManager, ObjectMapper objectMapper, TransactionSynchronizationRegistry transactions,
           OutboxRelay relay) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Records {@code payload} as an event about {@code aggregateId}; must run inside the transaction that makes the
     * change. Returns the event id (the CloudEvents {@code id}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String aggregateType, String aggregateId, Record payload) {
        EventType type = EventType.fromPayload(payload.getClass())
                .orElseThrow(() -> new IllegalArgumentException("not an event contract: " + payload.getClass()));
        UUID id = Ids.newId();
        String json;
        try {
            json = objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload cannot be serialised", e);
        }
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, topic, payload, occurred_at,
                                                  traceparent)
                        VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS json), ?7, ?8)""")
                .setParameter(1, id)
                .setParameter(2, aggregateType)
                .setParameter(3, aggregateId)
                .setParameter(4, type.type())
                .setParameter(5, type.topic())
                .setParameter(6, json)
                .setParameter(7, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(8, TraceParents.current())
                .executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
        return id;
    }
}
