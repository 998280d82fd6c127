package vn.vnn.household.statistics;

import vn.vnn.kit.sql.TableOwner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.List;

/**
 * Set-wise counts of households for the statistics, read straight from the registry, residence and review tables:
 * the one place where their rows are aggregated in SQL, handed out as typed records. Households are counted where
 * their residence was on the year's reference day, by the residence's recorded place ({@link Place}); where that
 * place lies on the year's tree is decided in Java ({@code UnitHistory}).
 */
@ApplicationScoped
@TableOwner({"household", "status_recognition", "review_case", "household_residence"})
public class HouseholdCounts {

    /**
     * A residence's recorded place: commune version, and — only where that version is not in force on the reference
     * day and the place must be derived — the village and the commune before the reorganisation.
     */
    public record Place(String communeCode, LocalDate unitValidFrom, String villageCode, String preReformCommune) {
    }

    /** How a household resident on the reference day stood at the start of the year. */
    public enum Start {
        /** In the same stay at the end of the previous year (a reorganisation is no move). */
        STAYED,
        /** Not resident anywhere at the end of the previous year (registered or settled during the year). */
        ARRIVED,
        /** Lived elsewhere at the end of the previous year: counted through {@link Move}. */
        MOVED
    }

    /**
     * Households of one place with the same minority flag, end status, causes, start and start-poor flag, with the
     * year's recognitions that moved them into or out of poverty (every recognition of the year counts).
     */
    public record StatusCount(Place place, boolean ethnicMinority, String status, String causesOfPoverty,
                              Start start, boolean poorAtStart, long escaped, long newlyPoor, long rePoor,
                              long firstRecorded, long households) {
    }

    /** A household that left its stay during the year: moved ({@code to} set) or dissolved ({@code to} null). */
    public record Move(Place from, Place to, boolean poorAtStart) {
    }

    /** Households of a place found deprived of an indicator in the year's review. */
    public record IndicatorCount(Place place, String indicator, long households) {
    }

    private final EntityManager entityManager;

    HouseholdCounts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Which residences a report reads: those of these provinces (whole-province scans) or of these communes. */
    record Scan(boolean byProvince, String[] codes, String[] versionsInForce) {
        String where(String alias) {
            return alias + (byProvince ? ".province_code" : ".commune_code") + " = ANY(CAST(?1 AS text[]))";
        }
    }

    /**
     * Households resident on {@code day} (the reference day of {@code year}), by place, minority flag, status at the
     * end of the year, causes, how they stood at its start, and the year's recognitions.
     */
    List<StatusCount> byStatus(Scan scan, int year, LocalDate day, LocalDate startDay, int baselineYear) {
        // Hash aggregation instead of sorting a million rows of text; the default work_mem is too small for it.
        entityManager.createNativeQuery("SET LOCAL work_mem = '32MB'").executeUpdate();
        // The household row carries its latest status: only households recognised in the year or after it need
        // their recognitions read, and only residences begun during the year need the one before looked up.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT r.commune_code, CAST(r.unit_valid_from AS text),
                               CASE WHEN %2$s THEN NULL ELSE r.village_code END,
                               CASE WHEN %2$s THEN NULL ELSE r.pre_reform_commune_code END,
                               h.ethnic_minority, st.end_status,
                               CASE WHEN st.end_status = 'POOR' THEN h.causes_of_poverty END,
                               CASE WHEN r.valid_from IS NULL OR r.valid_from <= ?4 THEN 'STAYED'
                                    ELSE coalesce((SELECT CASE WHEN r0.stay = r.stay THEN 'STAYED' ELSE 'MOVED' END
                                                   FROM household_residence r0
                                                   WHERE r0.household_id = r.household_id
                                                     AND (r0.valid_from IS NULL OR r0.valid_from <= ?4)
                                                     AND (r0.valid_to IS NULL OR r0.valid_to >= ?4) LIMIT 1),
                                                  'ARRIVED') END,
                               coalesce(st.start_status = 'POOR', false),
                               sum(st.escaped), sum(st.newly), sum(st.re_poor), sum(st.first), count(*)
                        FROM household_residence r JOIN household h ON h.id = r.household_id
                        CROSS JOIN LATERAL (
                            SELECT h.status AS end_status, h.status AS start_status, 0 AS escaped, 0 AS newly,
                                   0 AS re_poor, 0 AS first
                            WHERE h.status_year IS NULL OR h.status_year < ?3
                            UNION ALL
                            SELECT a.* FROM (
                                SELECT (array_agg(x.status ORDER BY x.review_year DESC, x.recorded_at DESC))[1],
                                       (array_agg(x.status ORDER BY x.review_year DESC, x.recorded_at DESC)
                                            FILTER (WHERE x.review_year < ?3))[1],
                                       count(*) FILTER (WHERE x.review_year = ?3 AND x.previous_status = 'POOR'
                                                          AND x.status <> 'POOR'),
                                       count(*) FILTER (WHERE x.review_year = ?3 AND x.status = 'POOR'
                                                          AND x.previous_status IS DISTINCT FROM 'POOR'
                                                          AND x.transition <> 'RE_POOR'
                                                          AND NOT (x.previous_status IS NULL
                                                                   AND x.review_year <= ?5)),
                                       count(*) FILTER (WHERE x.review_year = ?3 AND x.status = 'POOR'
                                                          AND x.previous_status IS DISTINCT FROM 'POOR'
                                                          AND x.transition = 'RE_POOR'),
                                       count(*) FILTER (WHERE x.review_year = ?3 AND x.status = 'POOR'
                                                          AND x.previous_status IS NULL AND x.review_year <= ?5
                                                          AND x.transition <> 'RE_POOR')
                                FROM status_recognition x
                                WHERE x.household_id = h.id AND x.review_year <= ?3) a
                            WHERE h.status_year >= ?3) st
                        WHERE %1$s AND (r.valid_from IS NULL OR r.valid_from <= ?2)
                          AND (r.valid_to IS NULL OR r.valid_to >= ?2)
                        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9""".formatted(scan.where("r"), inForce("r")))
                .setParameter(1, scan.codes()).setParameter(2, day).setParameter(3, year)
                .setParameter(4, startDay).setParameter(5, baselineYear).setParameter(6, scan.versionsInForce())
                .getResultList();
        return rows.stream().map(r -> new StatusCount(place(r, 0), Boolean.TRUE.equals(r[4]), (String) r[5],
                (String) r[6], Start.valueOf((String) r[7]), Boolean.TRUE.equals(r[8]), number(r[9]),
                number(r[10]), number(r[11]), number(r[12]), number(r[13]))).toList();
    }

    /**
     * Households whose stay of the end of the previous year ended during {@code year}: moved to another commune or
     * dissolved; with whether they were poor at the start of the year.
     */
    List<Move> moves(Scan scan, int year, LocalDate day, LocalDate startDay) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT r0.commune_code, CAST(r0.unit_valid_from AS text), r0.village_code,
                               r0.pre_reform_commune_code,
                               r1.commune_code, CAST(r1.unit_valid_from AS text), r1.village_code,
                               r1.pre_reform_commune_code,
                               CASE WHEN h.status_year IS NULL THEN false
                                    WHEN h.status_year < ?2 THEN h.status = 'POOR'
                                    ELSE coalesce((SELECT x.status = 'POOR' FROM status_recognition x
                                                   WHERE x.household_id = h.id AND x.review_year < ?2
                                                   ORDER BY x.review_year DESC, x.recorded_at DESC LIMIT 1), false)
                               END
                        FROM household_residence r0 JOIN household h ON h.id = r0.household_id
                        LEFT JOIN household_residence r1 ON r1.household_id = r0.household_id
                             AND (r1.valid_from IS NULL OR r1.valid_from <= ?3)
                             AND (r1.valid_to IS NULL OR r1.valid_to >= ?3)
                        WHERE r0.valid_to >= ?4 AND r0.valid_to < ?3
                          AND (r0.valid_from IS NULL OR r0.valid_from <= ?4)
                          AND (r1.household_id IS NULL OR r1.stay <> r0.stay)
                          AND (%s OR %s)""".formatted(scan.where("r0"), scan.where("r1")))
                .setParameter(1, scan.codes()).setParameter(2, year).setParameter(3, day)
                .setParameter(4, startDay).getResultList();
        return rows.stream().map(r -> new Move(place(r, 0), r[4] == null ? null : place(r, 4),
                Boolean.TRUE.equals(r[8]))).toList();
    }

    /** By place and deprived indicator, households of the review rounds of {@code year}. */
    List<IndicatorCount> byIndicator(Scan scan, int year, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT r.commune_code, CAST(r.unit_valid_from AS text),
                               CASE WHEN %2$s THEN NULL ELSE r.village_code END,
                               CASE WHEN %2$s THEN NULL ELSE r.pre_reform_commune_code END,
                               d, count(DISTINCT c.household_id)
                        FROM review_case c JOIN review_round rr ON rr.id = c.round_id
                             JOIN household_residence r ON r.household_id = c.household_id
                                  AND (r.valid_from IS NULL OR r.valid_from <= ?2)
                                  AND (r.valid_to IS NULL OR r.valid_to >= ?2),
                             unnest(string_to_array(c.deprivations, ',')) AS d
                        WHERE %1$s AND rr.review_year = ?3 AND d <> ''
                        GROUP BY 1, 2, 3, 4, 5""".formatted(scan.where("r"), inForce("r").replace("?6", "?4")))
                .setParameter(1, scan.codes()).setParameter(2, day).setParameter(3, year)
                .setParameter(4, scan.versionsInForce()).getResultList();
        return rows.stream().map(r -> new IndicatorCount(place(r, 0), (String) r[4], number(r[5]))).toList();
    }

    /** Whether the residence's commune version is in force on the reference day (then nothing is derived). */
    private static String inForce(String alias) {
        return "(" + alias + ".commune_code || '@' || CAST(" + alias + ".unit_valid_from AS text))"
                + " = ANY(CAST(?6 AS text[]))";
    }

    private static Place place(Object[] row, int at) {
        return new Place((String) row[at], LocalDate.parse((String) row[at + 1]), (String) row[at + 2],
                (String) row[at + 3]);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
