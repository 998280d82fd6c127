package vn.vnn.household.feeds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.sql.NativeValues;
import vn.vnn.kit.sql.TableOwner;
import vn.vnn.kit.sync.SyncCursor;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The pull feed of recognised statuses (household.status-recognized.v1) for partners that cannot receive webhooks:
 * every recognition in the areas the caller reaches, in the order recorded, from a cursor the caller keeps. It tells
 * what the event tells a partner — status and area, the review and decision — and no personal data.
 */
@ApplicationScoped
@TableOwner("status_recognition (feed)")
public class StatusFeed {

    public static final String TYPE = "household.status-recognized.v1";
    public static final int MAX_LIMIT = 500;

    /** One recognition as the feed gives it. */
    public record Item(UUID id, String type, OffsetDateTime time, UUID householdId, String communeCode,
                       String provinceCode, String status, String previousStatus, String transition,
                       int reviewYear, LocalDate recognizedOn, String decisionNo) {
    }

    /** A page of the feed and the cursor to ask from next (the same cursor when nothing is new). */
    public record Slice(List<Item> items, String next, boolean more) {
    }

    private final Caller caller;
    private final EntityManager entityManager;

    StatusFeed(Caller caller, EntityManager entityManager) {
        this.caller = caller;
        this.entityManager = entityManager;
    }

    @Transactional
    public Slice read(String after, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "between 1 and " + MAX_LIMIT);
        }
        SyncCursor from = SyncCursor.decode(after, "after");
        AreaScope scope = caller.scope();
        if (scope.nothing()) {
            return new Slice(List.of(), after, false);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT r.id, r.recorded_at, r.household_id, h.commune_code, h.province_code, r.status,
                               r.previous_status, r.transition, r.review_year, r.recognized_on, r.decision_no
                        FROM status_recognition r JOIN household h ON h.id = r.household_id
                        WHERE (r.recorded_at, r.id) > (CAST(?1 AS timestamptz), CAST(?2 AS uuid))
                          AND (CAST(?3 AS text[]) IS NULL OR h.commune_code = ANY(CAST(?3 AS text[]))
                               OR h.province_code = ANY(CAST(?3 AS text[])))
                        ORDER BY r.recorded_at, r.id
                        LIMIT ?4""")
                .setParameter(1, from.time()).setParameter(2, from.id()).setParameter(3, scope.sqlArray())
                .setParameter(4, limit + 1).getResultList();
        List<Item> items = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(limit, rows.size()))) {
            items.add(new Item((UUID) r[0], TYPE, NativeValues.offsetDateTime(r[1]), (UUID) r[2], (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7], ((Number) r[8]).intValue(),
                    NativeValues.localDate(r[9]), (String) r[10]));
        }
        String next = items.isEmpty() ? (after == null ? SyncCursor.START.encode() : after)
                : new SyncCursor(items.get(items.size() - 1).time(), items.get(items.size() - 1).id()).encode();
        return new Slice(items, next, rows.size() > limit);
    }
}
