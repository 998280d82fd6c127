package vn.vnn.household.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.Ids;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.sql.NativeValues;
import vn.vnn.kit.sql.TableOwner;
import vn.vnn.kit.sync.SyncCursor;
import vn.vnn.kit.sync.SyncHorizon;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What partners are told: each event of a type they may follow, as they may see it — status and area, never names,
 * members or citizen IDs — recorded in the transaction of the change (or of the inbox, for other services' events)
 * and, in the same transaction, queued for every subscription that hears it, so that no subscription misses one.
 * Partners read it as a pull feed, in the order recorded, from a cursor they keep.
 */
@ApplicationScoped
@TableOwner("partner_event, webhook_delivery (fan-out)")
public class PartnerEvents {

    public static final String STATUS_RECOGNIZED = "household.status-recognized.v1";
    public static final String DISBURSEMENT_PAID = "fund.disbursement-paid.v1";
    public static final String AWARD_DECIDED = "emulation.award-decided.v1";
    /** The event types partners may follow. */
    public static final Set<String> TYPES = Set.of(STATUS_RECOGNIZED, DISBURSEMENT_PAID, AWARD_DECIDED);
    public static final int MAX_LIMIT = 500;

    /** A page of the feed and the cursor to ask from next (the same cursor when nothing is new). */
    public record Slice(List<Map<String, Object>> items, String next, boolean more) {
    }

    /** One event as partners see it. */
    public record Event(UUID id, String type, OffsetDateTime time, String communeCode, String provinceCode,
                        Map<String, Object> data) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Caller caller;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final SyncHorizon horizon;

    PartnerEvents(Caller caller, EntityManager entityManager, ObjectMapper json, SyncHorizon horizon) {
        this.caller = caller;
        this.entityManager = entityManager;
        this.json = json;
        this.horizon = horizon;
    }

    /**
     * Records the event (once: a second call with the same id does nothing) and queues it for every active
     * subscription to its type whose areas cover it. {@code data}: what partners may see, no personal data.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID id, String type, OffsetDateTime occurredAt, String communeCode, String provinceCode,
                       Map<String, Object> data) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("not a partner event type: " + type);
        }
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("partner event cannot be serialised", e);
        }
        int added = entityManager.createNativeQuery("""
                        INSERT INTO partner_event (id, type, occurred_at, recorded_at, commune_code, province_code, payload)
                        VALUES (?1, ?2, ?3, now(), ?4, ?5, CAST(?6 AS jsonb)) ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, id).setParameter(2, type).setParameter(3, occurredAt).setParameter(4, communeCode)
                .setParameter(5, provinceCode).setParameter(6, payload).executeUpdate();
        if (added == 1) {
            queue(id, null, false);
        }
    }

    /**
     * Queues {@code event} for the subscriptions that hear it — all of them, or just {@code subscription} (a replay).
     * The subscription's areas are within its client's: an event outside them is never queued.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int queue(UUID event, UUID subscription, boolean replay) {
        @SuppressWarnings("unchecked")
        List<UUID> subscriptions = entityManager.createNativeQuery("""
                        SELECT s.id FROM webhook_subscription s JOIN partner_event e ON e.id = ?1
                        WHERE s.active AND e.type = ANY(s.event_types)
                          AND (CAST(?2 AS uuid) IS NULL OR s.id = CAST(?2 AS uuid))
                          AND (s.area_codes IS NULL OR e.commune_code = ANY(s.area_codes)
                               OR e.province_code = ANY(s.area_codes))
                          AND (s.status_filter IS NULL OR e.payload ->> 'status' = ANY(s.status_filter))""", UUID.class)
                .setParameter(1, event).setParameter(2, subscription).getResultList();
        for (UUID s : subscriptions) {
            entityManager.createNativeQuery("""
                            INSERT INTO webhook_delivery (id, subscription_id, event_id, state, replay, created_at,
                                                          next_attempt_at)
                            VALUES (?1, ?2, ?3, 'PENDING', ?4, clock_timestamp(), clock_timestamp())""")
                    .setParameter(1, Ids.newId()).setParameter(2, s).setParameter(3, event).setParameter(4, replay)
                    .executeUpdate();
        }
        return subscriptions.size();
    }

    /** The ids of {@code type} events recorded in [from, to), oldest first, for a replay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordedBetween(List<String> types, OffsetDateTime from, OffsetDateTime to) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        SELECT id FROM partner_event WHERE type = ANY(CAST(?1 AS text[]))
                          AND recorded_at >= ?2 AND recorded_at < ?3 ORDER BY recorded_at, id LIMIT 100001""",
                        UUID.class)
                .setParameter(1, types.toArray(String[]::new)).setParameter(2, from).setParameter(3, to)
                .getResultList();
        return ids;
    }

    /** One event as partners see it, for a delivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Event event(UUID id) {
        Object[] r = (Object[]) entityManager.createNativeQuery("""
                        SELECT id, type, occurred_at, commune_code, province_code, CAST(payload AS text)
                        FROM partner_event WHERE id = ?1""").setParameter(1, id).getSingleResult();
        return new Event((UUID) r[0], (String) r[1], NativeValues.offsetDateTime(r[2]), (String) r[3],
                (String) r[4], data((String) r[5]));
    }

    /** The feed of {@code type}: the events in the caller's areas after the cursor, in the order recorded. */
    @Transactional
    public Slice read(String type, String after, int limit) {
        if (!TYPES.contains(type)) {
            throw ProblemException.notFound("Feed", type);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "between 1 and " + MAX_LIMIT);
        }
        SyncCursor from = SyncCursor.decode(after, "after");
        String start = after == null || after.isBlank() ? SyncCursor.START.encode() : after.strip();
        AreaScope scope = caller.scope();
        if (scope.nothing()) {
            return new Slice(List.of(), start, false);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT id, recorded_at, CAST(payload AS text) FROM partner_event
                        WHERE type = ?1 AND (recorded_at, id) > (CAST(?2 AS timestamptz), CAST(?3 AS uuid))
                          AND (CAST(?4 AS text[]) IS NULL OR commune_code = ANY(CAST(?4 AS text[]))
                               OR province_code = ANY(CAST(?4 AS text[])))
                        ORDER BY recorded_at, id
                        LIMIT ?5""")
                .setParameter(1, type).setParameter(2, from.time()).setParameter(3, from.id())
                .setParameter(4, scope.sqlArray()).setParameter(5, limit + 1).getResultList();
        OffsetDateTime settled = horizon.now();
        List<Map<String, Object>> items = new ArrayList<>();
        SyncCursor next = from;
        boolean held = false;
        for (Object[] r : rows.subList(0, Math.min(limit, rows.size()))) {
            OffsetDateTime time = NativeValues.offsetDateTime(r[1]);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", r[0]);
            item.put("type", type);
            item.put("time", time);
            item.putAll(data((String) r[2]));
            items.add(item);
            // the cursor stops before a change that may still have an earlier one committing behind it
            held = held || time.isAfter(settled);
            if (!held) {
                next = new SyncCursor(time, (UUID) r[0]);
            }
        }
        boolean reachedLast = !items.isEmpty() && next.id().equals(items.get(items.size() - 1).get("id"));
        return new Slice(items, next == from ? start : next.encode(), rows.size() > limit && reachedLast);
    }

    private Map<String, Object> data(String payload) {
        try {
            return json.readValue(payload, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored partner event is not JSON", e);
        }
    }
}
