package vn.vnn.household.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.sql.NativeValues;
import vn.vnn.kit.sql.TableOwner;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The deliveries of events to subscriptions: which wait, in what order, and how each attempt went. */
@ApplicationScoped
@TableOwner("webhook_delivery")
public class Deliveries {

    /** One delivery as its subscription's owner sees it. */
    public record Delivery(UUID id, UUID subscriptionId, UUID eventId, String eventType, String state, boolean replay,
                           int attempts, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt,
                           OffsetDateTime firstAttemptAt, OffsetDateTime lastAttemptAt, Integer lastStatus,
                           String lastError, OffsetDateTime deliveredAt) {
    }

    private final EntityManager entityManager;

    Deliveries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Subscriptions whose oldest waiting delivery is due. */
    @Transactional
    public List<UUID> due() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        SELECT d.subscription_id FROM webhook_delivery d
                        WHERE d.state = 'PENDING' AND d.next_attempt_at <= clock_timestamp()
                          AND NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.subscription_id = d.subscription_id
                                          AND e.state = 'PENDING' AND (e.created_at, e.id) < (d.created_at, d.id))
                        LIMIT 200""", UUID.class).getResultList();
        return ids;
    }

    /** The subscription's waiting deliveries, oldest first: the order they must arrive in. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Delivery> waiting(UUID subscription, int limit) {
        return read("d.subscription_id = ?1 AND d.state = 'PENDING' ORDER BY d.created_at, d.id LIMIT ?2",
                subscription, limit);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void delivered(UUID id, int status, OffsetDateTime at) {
        entityManager.createNativeQuery("""
                        UPDATE webhook_delivery SET state = 'DELIVERED', attempts = attempts + 1, last_status = ?2,
                               last_error = NULL, last_attempt_at = ?3, delivered_at = ?3,
                               first_attempt_at = coalesce(first_attempt_at, ?3)
                        WHERE id = ?1""").setParameter(1, id).setParameter(2, status).setParameter(3, at)
                .executeUpdate();
    }

    /** A failed attempt: tried again after {@code retryIn}, or parked when {@code retryIn} is null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(UUID id, Integer status, String error, OffsetDateTime at, Duration retryIn) {
        entityManager.createNativeQuery("""
                        UPDATE webhook_delivery SET attempts = attempts + 1, last_status = ?2, last_error = ?3,
                               last_attempt_at = ?4, first_attempt_at = coalesce(first_attempt_at, ?4),
                               state = CASE WHEN ?5 THEN 'PARKED' ELSE 'PENDING' END,
                               next_attempt_at = ?6
                        WHERE id = ?1""").setParameter(1, id).setParameter(2, status)
                .setParameter(3, error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter(4, at).setParameter(5, retryIn == null)
                .setParameter(6, retryIn == null ? at : at.plus(retryIn)).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Delivery> of(UUID subscription, String state, int limit) {
        return state == null ? read("d.subscription_id = ?1 ORDER BY d.created_at DESC, d.id DESC LIMIT ?2",
                subscription, limit)
                : read("d.subscription_id = ?1 AND d.state = ?3 ORDER BY d.created_at DESC, d.id DESC LIMIT ?2",
                subscription, limit, state);
    }

    /** Parked deliveries wait again, from now: after the partner fixed its endpoint. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int unpark(UUID subscription) {
        return entityManager.createNativeQuery("""
                        UPDATE webhook_delivery SET state = 'PENDING', next_attempt_at = clock_timestamp(),
                               first_attempt_at = NULL
                        WHERE subscription_id = ?1 AND state = 'PARKED'""").setParameter(1, subscription)
                .executeUpdate();
    }

    private List<Delivery> read(String where, Object... params) {
        var query = entityManager.createNativeQuery("""
                SELECT d.id, d.subscription_id, d.event_id, e.type, d.state, d.replay, d.attempts, d.created_at,
                       d.next_attempt_at, d.first_attempt_at, d.last_attempt_at, d.last_status, d.last_error,
                       d.delivered_at
                FROM webhook_delivery d JOIN partner_event e ON e.id = d.event_id WHERE\s""" + where);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Delivery> deliveries = new ArrayList<>();
        for (Object[] r : rows) {
            deliveries.add(new Delivery((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (String) r[4],
                    (Boolean) r[5], ((Number) r[6]).intValue(), NativeValues.offsetDateTime(r[7]),
                    NativeValues.offsetDateTime(r[8]), NativeValues.offsetDateTime(r[9]),
                    NativeValues.offsetDateTime(r[10]), r[11] == null ? null : ((Number) r[11]).intValue(),
                    (String) r[12], NativeValues.offsetDateTime(r[13])));
        }
        return deliveries;
    }
}
