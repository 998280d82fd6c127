package vn.vnn.household.statistics;

import vn.vnn.kit.sql.TableOwner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * Set-wise counts of households for the statistics, read straight from the registry and review tables: the one place
 * where their rows are aggregated in SQL, handed out as typed records.
 */
@ApplicationScoped
@TableOwner({"household", "status_recognition", "review_case"})
public class HouseholdCounts {

    /** Households of a commune with the same status, transition and causes as they stood in a year. */
    public record StatusCount(String communeCode, boolean ethnicMinority, String status, String causesOfPoverty,
                              String transition, long households) {
    }

    /** Households of a commune found deprived of an indicator in the year's review. */
    public record IndicatorCount(String communeCode, String indicator, long households) {
    }

    private final EntityManager entityManager;

    HouseholdCounts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** By commune, ethnic-minority flag, status, causes and transition as of {@code year}. */
    List<StatusCount> byStatus(boolean byProvince, String[] codes, int year) {
        // Hash aggregation instead of sorting a million rows of text; the default work_mem is too small for it.
        entityManager.createNativeQuery("SET LOCAL work_mem = '32MB'").executeUpdate();
        // A whole province (or district) is read by a parallel scan of its province; a commune by its index. The
        // household row carries its latest status and transition, so only households recognised again after the
        // year need their recognitions read to know what they were then; an index on status_year finds them.
        String where = byProvince ? "h.province_code = ANY(CAST(?1 AS text[]))"
                : "h.commune_code = ANY(CAST(?1 AS text[]))";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT h.commune_code, h.ethnic_minority, CASE WHEN h.status_year <= ?2 THEN h.status END,
                               CASE WHEN h.status_year <= ?2 AND h.status = 'POOR' THEN h.causes_of_poverty END,
                               CASE WHEN h.status_year = ?2 THEN h.status_transition END, count(*)
                        FROM household h
                        WHERE %1$s AND (h.status_year IS NULL OR h.status_year <= ?2)
                        GROUP BY 1, 2, 3, 4, 5
                        UNION ALL
                        SELECT h.commune_code, h.ethnic_minority, p.status,
                               CASE WHEN p.status = 'POOR' THEN h.causes_of_poverty END,
                               CASE WHEN p.review_year = ?2 THEN p.transition END, count(*)
                        FROM household h LEFT JOIN LATERAL (
                               SELECT r.status, r.review_year, r.transition FROM status_recognition r
                               WHERE r.household_id = h.id AND r.review_year <= ?2
                               ORDER BY r.review_year DESC, r.recorded_at DESC LIMIT 1) p ON true
                        WHERE %1$s AND h.status_year > ?2
                        GROUP BY 1, 2, 3, 4, 5""".formatted(where))
                .setParameter(1, codes).setParameter(2, year).getResultList();
        return rows.stream().map(r -> new StatusCount((String) r[0], Boolean.TRUE.equals(r[1]), (String) r[2],
                (String) r[3], (String) r[4], number(r[5]))).toList();
    }

    /** By commune and deprived indicator, households of the review rounds of {@code year}. */
    List<IndicatorCount> byIndicator(String[] communes, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT h.commune_code, d, count(DISTINCT c.household_id)
                        FROM review_case c JOIN review_round rr ON rr.id = c.round_id
                             JOIN household h ON h.id = c.household_id,
                             unnest(string_to_array(c.deprivations, ',')) AS d
                        WHERE h.commune_code = ANY(?1) AND rr.review_year = ?2 AND d <> ''
                        GROUP BY 1, 2""")
                .setParameter(1, communes).setParameter(2, year).getResultList();
        return rows.stream().map(r -> new IndicatorCount((String) r[0], (String) r[1], number(r[2]))).toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
