package vn.vnn.household.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.sync.Change;
import vn.vnn.kit.sync.Delta;
import vn.vnn.kit.sync.SyncCursor;
import vn.vnn.kit.sync.SyncHorizon;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Delta sync of review rounds and cases in the caller's areas, so that a field app can survey offline: oldest change
 * first, each with its version (its ETag). Rounds and cases are never deleted, so no tombstones here; a household
 * that leaves the caller's areas comes as a tombstone in the household delta.
 */
@ApplicationScoped
public class ReviewChanges {

    public static final int MAX_LIMIT = 500;

    private final Caller caller;
    private final SyncHorizon horizon;

    ReviewChanges(Caller caller, SyncHorizon horizon) {
        this.caller = caller;
        this.horizon = horizon;
    }

    @Transactional
    public Delta<ReviewRound> rounds(SyncCursor from, String communeCode, Integer reviewYear, int limit) {
        AreaScope scope = caller.scope();
        OffsetDateTime settled = horizon.now();
        if (scope.nothing()) {
            return Delta.of(List.of(), limit, from, settled);
        }
        Map<String, Object> params = after(from);
        StringBuilder where = new StringBuilder(AFTER.formatted("r"));
        where.append(" and ").append(scope.where("r.communeCode", "r.provinceCode"));
        scope.bind(params);
        if (communeCode != null && !communeCode.isBlank()) {
            where.append(" and r.communeCode = :commune");
            params.put("commune", communeCode.strip());
        }
        if (reviewYear != null) {
            where.append(" and r.reviewYear = :year");
            params.put("year", reviewYear);
        }
        List<ReviewRound> rows = ReviewRound.<ReviewRound>find("from ReviewRound r where " + where
                + " order by r.updatedAt, r.id", params).range(0, limit).list();
        return Delta.of(rows.stream().map(r -> Change.upsert(r.id, r.version, r.updatedAt, r)).toList(), limit, from,
                settled);
    }

    @Transactional
    public Delta<ReviewCase> cases(SyncCursor from, UUID roundId, int limit) {
        AreaScope scope = caller.scope();
        OffsetDateTime settled = horizon.now();
        if (scope.nothing()) {
            return Delta.of(List.of(), limit, from, settled);
        }
        Map<String, Object> params = after(from);
        StringBuilder where = new StringBuilder(AFTER.formatted("c"));
        where.append(" and c.roundId in (select r.id from ReviewRound r where ")
                .append(scope.where("r.communeCode", "r.provinceCode")).append(")");
        scope.bind(params);
        if (roundId != null) {
            where.append(" and c.roundId = :round");
            params.put("round", roundId);
        }
        List<ReviewCase> rows = ReviewCase.<ReviewCase>find("from ReviewCase c where " + where
                + " order by c.updatedAt, c.id", params).range(0, limit).list();
        return Delta.of(rows.stream().map(c -> Change.upsert(c.id, c.version, c.updatedAt, c)).toList(), limit, from,
                settled);
    }

    /** After the cursor in the order (updatedAt, id). */
    private static final String AFTER = "(%1$s.updatedAt > :time or (%1$s.updatedAt = :time and %1$s.id > :id))";

    private static Map<String, Object> after(SyncCursor from) {
        Map<String, Object> params = new HashMap<>();
        params.put("time", from.time());
        params.put("id", from.id());
        return params;
    }
}
