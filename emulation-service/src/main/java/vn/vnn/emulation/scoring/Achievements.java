package vn.vnn.emulation.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.sql.NativeValues;
import vn.vnn.kit.sql.TableOwner;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Donors' achievements per area of the receiving fund, written set-wise (one statement per poll of donations) and
 * read summed over the areas a caller reaches: the one owner of {@code achievement}'s set-wise SQL.
 */
@ApplicationScoped
@TableOwner("achievement")
public class Achievements {

    private final EntityManager entityManager;

    Achievements(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Adds each total to its donor's achievement in its area, in key order (one order of row locks). */
    void add(Collection<DonorTotal> totals) {
        entityManager.createNativeQuery("""
                        INSERT INTO achievement (participant_id, area_code, participant_name, participant_type,
                                                 total_donated_vnd, donation_count, last_donation_on, updated_at,
                                                 version)
                        SELECT i, r, n, t, a, c, CAST(d AS date), now(), 0
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                                    CAST(?5 AS bigint[]), CAST(?6 AS int[]), CAST(?7 AS text[]))
                             AS u (i, r, n, t, a, c, d)
                        ON CONFLICT (participant_id, area_code) DO UPDATE SET
                            total_donated_vnd = achievement.total_donated_vnd + EXCLUDED.total_donated_vnd,
                            donation_count = achievement.donation_count + EXCLUDED.donation_count,
                            last_donation_on = GREATEST(achievement.last_donation_on, EXCLUDED.last_donation_on),
                            updated_at = now(), version = achievement.version + 1""")
                .setParameter(1, totals.stream().map(DonorTotal::donorRef).toArray(String[]::new))
                .setParameter(2, totals.stream().map(DonorTotal::areaCode).toArray(String[]::new))
                .setParameter(3, totals.stream().map(DonorTotal::name).toArray(String[]::new))
                .setParameter(4, totals.stream().map(DonorTotal::type).toArray(String[]::new))
                .setParameter(5, totals.stream().map(DonorTotal::amountVnd).toArray(Long[]::new))
                .setParameter(6, totals.stream().map(DonorTotal::count).toArray(Integer[]::new))
                .setParameter(7, totals.stream().map(t -> t.lastOn().toString()).toArray(String[]::new))
                .executeUpdate();
    }

    /** The donor's latest name on every area's row. */
    void rename(Map<String, String> names) {
        entityManager.createNativeQuery("""
                        UPDATE achievement a SET participant_name = u.n
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[])) AS u (i, n)
                        WHERE a.participant_id = u.i AND a.participant_name <> u.n""")
                .setParameter(1, names.keySet().toArray(String[]::new))
                .setParameter(2, names.values().toArray(String[]::new)).executeUpdate();
    }

    /** Participants by what they gave to the funds of the areas reached, largest first; optionally one of them. */
    List<AchievementTotal> ranked(AreaScope reach, String participantId, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = condition(reach, params);
        if (participantId != null) {
            where += " AND participant_id = :participant";
            params.put("participant", participantId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery("""
                        SELECT participant_id, max(participant_name), max(participant_type), sum(total_donated_vnd),
                               sum(donation_count), max(last_donation_on), max(updated_at)
                        FROM achievement WHERE %s
                        GROUP BY participant_id
                        ORDER BY sum(total_donated_vnd) DESC, participant_id""".formatted(where)), params)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new AchievementTotal((String) r[0], (String) r[1], (String) r[2],
                number(r[3]), (int) number(r[4]), NativeValues.localDate(r[5]), NativeValues.offsetDateTime(r[6])))
                .toList();
    }

    long participants(AreaScope reach) {
        Map<String, Object> params = new HashMap<>();
        return ((Number) bind(entityManager.createNativeQuery(
                "SELECT count(DISTINCT participant_id) FROM achievement WHERE " + condition(reach, params)), params)
                .getSingleResult()).longValue();
    }

    /** Per area reached: how many donors gave, of which kind, and how much; no one is named. */
    List<AchievementSummary.Area> byArea(AreaScope reach) {
        Map<String, Object> params = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery("""
                        SELECT area_code, count(*), count(*) FILTER (WHERE participant_type = 'COLLECTIVE'),
                               count(*) FILTER (WHERE participant_type = 'INDIVIDUAL'), sum(total_donated_vnd),
                               sum(donation_count)
                        FROM achievement WHERE donation_count > 0 AND %s
                        GROUP BY area_code ORDER BY area_code""".formatted(condition(reach, params))), params)
                .getResultList();
        return rows.stream().map(r -> new AchievementSummary.Area((String) r[0], number(r[1]), number(r[2]),
                number(r[3]), number(r[4]), number(r[5]))).toList();
    }

    /** The areas reached, as a condition on {@code area_code}. */
    private static String condition(AreaScope reach, Map<String, Object> params) {
        if (reach.national()) {
            return "1 = 1";
        }
        params.put("areas", reach.sqlArray());
        return "area_code = ANY(CAST(:areas AS text[]))";
    }

    private static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
