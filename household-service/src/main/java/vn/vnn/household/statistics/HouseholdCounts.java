package vn.vnn.household.statistics;

import vn.vnn.kit.sql.TableOwner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Set-wise counts of households for the statistics, read straight from the registry, residence and review tables:
 * the one place where their rows are aggregated in SQL. The same counts, of a whole province or of the households a
 * transaction changed, feed the reports (when no trusted tally exists), the maintained tallies ({@link Tallies}) and
 * their rebuilds and checks. Households are counted where their residence was on the year's reference day, by the
 * residence's recorded place ({@link Place}); where that place lies on the year's tree is decided in Java
 * ({@code UnitHistory}).
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

    /**
     * The households of one place resident on the reference day: by status at the end of the year, minority, the
     * year's recognitions that moved them into or out of poverty (every recognition of the year counts), and those
     * poor at the start of the year that were in the same stay then ({@code poorAtStart}; a reorganisation is no move)
     * or not resident anywhere ({@code arrivedPoor}: registered or settled during the year). Households that lived
     * elsewhere at the start are counted through {@link Move}.
     */
    public record PlaceCounts(Place place, long resident, long poor, long nearPoor, long average, long minority,
                              long minorityPoor, long minorityNearPoor, long escaped, long newlyPoor, long rePoor,
                              long firstRecorded, long poorAtStart, long arrivedPoor) {
    }

    /** Poor households of a place at the end of the year by a cause of their poverty. */
    public record CauseCount(Place place, String cause, long households) {
    }

    /** Households that left their stay during the year: moved ({@code to} set) or dissolved ({@code to} null). */
    public record Move(Place from, Place to, boolean poorAtStart, long households) {
    }

    /** Households of a place found deprived of an indicator in the year's review. */
    public record IndicatorCount(Place place, String indicator, long households) {
    }

    /**
     * The three counts, each with the columns of its rows (and of its tally table): the key columns first, then the
     * summed values. Rows are {@code Object[]} in exactly this order whether counted or read from a tally.
     */
    enum Kind {
        STATUS("tally_status", List.of("year", "province_code", "commune_code", "unit_valid_from", "village_code",
                "pre_reform_commune_code", "households", "poor", "near_poor", "average", "minority", "minority_poor",
                "minority_near_poor", "escaped", "newly_poor", "re_poor", "first_recorded", "poor_at_start",
                "arrived_poor"), 6),
        CAUSE("tally_cause", List.of("year", "province_code", "commune_code", "unit_valid_from", "village_code",
                "pre_reform_commune_code", "cause", "households"), 7),
        MOVE("tally_move", List.of("year", "from_province_code", "from_commune_code", "from_unit_valid_from",
                "from_village_code", "from_pre_reform_commune_code", "to_province_code", "to_commune_code",
                "to_unit_valid_from", "to_village_code", "to_pre_reform_commune_code", "poor_at_start", "households"),
                12),
        INDICATOR("tally_indicator", List.of("year", "province_code", "commune_code", "unit_valid_from",
                "village_code", "pre_reform_commune_code", "indicator", "households"), 7);

        final String table;
        final List<String> columns;
        final int keys;

        Kind(String table, List<String> columns, int keys) {
            this.table = table;
            this.columns = columns;
            this.keys = keys;
        }

        String type(int column) {
            String name = columns.get(column);
            if (column >= keys) {
                return "bigint";
            }
            return name.equals("year") ? "integer" : name.equals("poor_at_start") ? "boolean" : "text";
        }
    }

    /** Which residences a count reads: of these provinces, of these communes, of these households, or all. */
    public record Scan(Column column, String[] codes) {
        public enum Column { PROVINCE, COMMUNE, HOUSEHOLD, ALL }

        static Scan all() {
            return new Scan(Column.ALL, new String[0]);
        }

        /**
         * The residences a count starts from, as a FROM item with the alias. A few households' residences are read
         * first, on their own (OFFSET 0 keeps the planner from folding them into the joins), by index with the ids
         * cast once: a condition on the ids left outside would cast the whole array again for every row joined
         * (quadratic in the number of households under a generic plan).
         */
        String residences(String alias) {
            return column == Column.HOUSEHOLD
                    ? "(SELECT * FROM household_residence WHERE " + where("household_residence") + " OFFSET 0) " + alias
                    : "household_residence " + alias;
        }

        /** The condition left on the residences of {@link #residences}: none where they are already chosen. */
        String rest(String alias) {
            return column == Column.HOUSEHOLD ? "true" : where(alias);
        }

        /** The condition on a residence alias; ?1 is the codes. */
        String where(String alias) {
            return switch (column) {
                case PROVINCE -> alias + ".province_code = ANY(CAST(?1 AS text[]))";
                case COMMUNE -> alias + ".commune_code = ANY(CAST(?1 AS text[]))";
                case HOUSEHOLD -> alias + ".household_id = ANY(CAST(CAST(?1 AS text[]) AS uuid[]))";
                case ALL -> "CAST(?1 AS text[]) IS NOT NULL";
            };
        }

    }

    /** Years counted in one go, each with its reference day; ?2 and ?3 of the counts, ?4 the baseline year. */
    public record Years(int[] years, LocalDate[] days, int baselineYear) {
        static Years of(int year, LocalDate day, int baselineYear) {
            return new Years(new int[]{year}, new LocalDate[]{day}, baselineYear);
        }

    }

    /** The years with their reference day and the last day of the year before (the start of the year). */
    private static final String YEARS = """
            WITH y AS (SELECT CAST(t.year AS integer) AS year, CAST(t.day AS date) AS day,
                              make_date(CAST(t.year AS integer) - 1, 12, 31) AS start_day
                       FROM unnest(CAST(?2 AS text[]), CAST(?3 AS text[])) AS t(year, day))
            """;

    /** Whether the residence's commune version (joined as u) is in force on the reference day. */
    private static final String IN_FORCE = "coalesce(u.valid_from <= y.day AND (u.valid_to IS NULL OR u.valid_to >= y.day), false)";

    private final EntityManager entityManager;

    HouseholdCounts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The rows of a count, in the kind's column order. */
    List<Object[]> count(Kind kind, Scan scan, Years years) {
        if (scan.column() != Scan.Column.HOUSEHOLD) {
            // Hash aggregation instead of sorting a million rows of text; the default work_mem is too small for it.
            // A few households' share (every change of the registry) needs no such setting: no round trip for it.
            entityManager.createNativeQuery("SET LOCAL work_mem = '32MB'").executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery(select(kind, scan, true)), kind, scan, years)
                .getResultList();
        return rows;
    }

    /**
     * The SELECT of a count (for {@link #count} and for filling tallies with INSERT … SELECT). A move belongs to the
     * area it left and to the one it reached ({@code bothEnds}, for reports) or, in a tally, to where it left.
     */
    String select(Kind kind, Scan scan, boolean bothEnds) {
        return switch (kind) {
            case STATUS -> YEARS + STATUS + RESIDENT.formatted(scan.rest("r"), scan.residences("r"))
                    + " GROUP BY 1, 2, 3, 4, 5, 6";
            case CAUSE -> YEARS + CAUSES + RESIDENT.replace("WHERE %1$s", "CROSS JOIN LATERAL unnest(string_to_array("
                    + "h.causes_of_poverty, ',')) AS c WHERE %1$s").formatted(scan.rest("r"), scan.residences("r"))
                    + " AND st.end_status = 'POOR' AND c <> '' GROUP BY 1, 2, 3, 4, 5, 6, 7";
            case MOVE -> YEARS + (bothEnds
                    ? MOVES.formatted("(" + scan.where("r0") + " OR " + scan.where("r1") + ")", "household_residence r0")
                    : MOVES.formatted(scan.rest("r0"), scan.residences("r0")));
            case INDICATOR -> YEARS + INDICATORS.formatted(scan.rest("r"), scan.residences("r"));
        };
    }

    Query bind(Query query, Kind kind, Scan scan, Years years) {
        query.setParameter(1, scan.codes())
                .setParameter(2, Arrays.stream(years.years()).mapToObj(String::valueOf).toArray(String[]::new))
                .setParameter(3, Arrays.stream(years.days()).map(LocalDate::toString).toArray(String[]::new));
        if (kind == Kind.STATUS || kind == Kind.CAUSE) {
            query.setParameter(4, years.baselineYear());
        }
        return query;
    }

    /** The place of a resident household (r), as a count's first columns after the year. */
    private static final String PLACE = """
            SELECT y.year, r.province_code, r.commune_code, CAST(r.unit_valid_from AS text),
                   CASE WHEN %1$s THEN '' ELSE coalesce(r.village_code, '') END,
                   CASE WHEN %1$s THEN '' ELSE coalesce(r.pre_reform_commune_code, '') END,
            """.formatted(IN_FORCE);

    /** Per place: {@link PlaceCounts}. */
    private static final String STATUS = PLACE + """
                   count(*), count(*) FILTER (WHERE st.end_status = 'POOR'),
                   count(*) FILTER (WHERE st.end_status = 'NEAR_POOR'),
                   count(*) FILTER (WHERE st.end_status = 'AVERAGE_LIVING_STANDARD'),
                   count(*) FILTER (WHERE h.ethnic_minority),
                   count(*) FILTER (WHERE h.ethnic_minority AND st.end_status = 'POOR'),
                   count(*) FILTER (WHERE h.ethnic_minority AND st.end_status = 'NEAR_POOR'),
                   sum(st.escaped), sum(st.newly), sum(st.re_poor), sum(st.first),
                   count(*) FILTER (WHERE st.start_status = 'POOR' AND s.start = 'STAYED'),
                   count(*) FILTER (WHERE st.start_status = 'POOR' AND s.start = 'ARRIVED')
            """;

    /** Per place and cause: poor households ({@link CauseCount}). */
    private static final String CAUSES = PLACE + """
                   c, count(*)
            """;

    /**
     * Households resident on the reference day (r, h), how they stood at the start of the year (s) and their status
     * at its start and end with the year's recognitions (st). The household row carries its latest status: only
     * households recognised in the year or after it need their recognitions read, and only residences begun during
     * the year need the one before looked up. %2$s: the residences (r), %1$s: the condition left on them.
     */
    private static final String RESIDENT = """
            FROM y JOIN %2$s ON (r.valid_from IS NULL OR r.valid_from <= y.day)
                                AND (r.valid_to IS NULL OR r.valid_to >= y.day)
            JOIN household h ON h.id = r.household_id
            LEFT JOIN admin_unit u ON u.code = r.commune_code AND u.valid_from = r.unit_valid_from
            CROSS JOIN LATERAL (
                SELECT CASE WHEN r.valid_from IS NULL OR r.valid_from <= y.start_day THEN 'STAYED'
                            ELSE coalesce((SELECT CASE WHEN r0.stay = r.stay THEN 'STAYED' ELSE 'MOVED' END
                                           FROM household_residence r0
                                           WHERE r0.household_id = r.household_id
                                             AND (r0.valid_from IS NULL OR r0.valid_from <= y.start_day)
                                             AND (r0.valid_to IS NULL OR r0.valid_to >= y.start_day) LIMIT 1),
                                          'ARRIVED') END AS start) s
            CROSS JOIN LATERAL (
                SELECT h.status AS end_status, h.status AS start_status, 0 AS escaped, 0 AS newly,
                       0 AS re_poor, 0 AS first
                WHERE h.status_year IS NULL OR h.status_year < y.year
                UNION ALL
                SELECT a.* FROM (
                    SELECT (array_agg(x.status ORDER BY x.review_year DESC, x.recorded_at DESC))[1],
                           (array_agg(x.status ORDER BY x.review_year DESC, x.recorded_at DESC)
                                FILTER (WHERE x.review_year < y.year))[1],
                           count(*) FILTER (WHERE x.review_year = y.year AND x.previous_status = 'POOR'
                                              AND x.status <> 'POOR'),
                           count(*) FILTER (WHERE x.review_year = y.year AND x.status = 'POOR'
                                              AND x.previous_status IS DISTINCT FROM 'POOR'
                                              AND x.transition <> 'RE_POOR'
                                              AND NOT (x.previous_status IS NULL AND x.review_year <= ?4)),
                           count(*) FILTER (WHERE x.review_year = y.year AND x.status = 'POOR'
                                              AND x.previous_status IS DISTINCT FROM 'POOR'
                                              AND x.transition = 'RE_POOR'),
                           count(*) FILTER (WHERE x.review_year = y.year AND x.status = 'POOR'
                                              AND x.previous_status IS NULL AND x.review_year <= ?4
                                              AND x.transition <> 'RE_POOR')
                    FROM status_recognition x
                    WHERE x.household_id = h.id AND x.review_year <= y.year) a
                WHERE h.status_year >= y.year) st
            WHERE %1$s""";

    /**
     * Households whose stay of the end of the previous year ended during the year: moved to another commune or
     * dissolved; with whether they were poor at the start of the year.
     */
    private static final String MOVES = """
            SELECT y.year, r0.province_code, r0.commune_code, CAST(r0.unit_valid_from AS text),
                   coalesce(r0.village_code, ''), coalesce(r0.pre_reform_commune_code, ''),
                   coalesce(r1.province_code, ''), coalesce(r1.commune_code, ''),
                   coalesce(CAST(r1.unit_valid_from AS text), ''), coalesce(r1.village_code, ''),
                   coalesce(r1.pre_reform_commune_code, ''),
                   CASE WHEN h.status_year IS NULL THEN false
                        WHEN h.status_year < y.year THEN h.status = 'POOR'
                        ELSE coalesce((SELECT x.status = 'POOR' FROM status_recognition x
                                       WHERE x.household_id = h.id AND x.review_year < y.year
                                       ORDER BY x.review_year DESC, x.recorded_at DESC LIMIT 1), false)
                   END,
                   count(*)
            FROM y JOIN %2$s ON r0.valid_to >= y.start_day AND r0.valid_to < y.day
                                              AND (r0.valid_from IS NULL OR r0.valid_from <= y.start_day)
            JOIN household h ON h.id = r0.household_id
            LEFT JOIN household_residence r1 ON r1.household_id = r0.household_id
                 AND (r1.valid_from IS NULL OR r1.valid_from <= y.day)
                 AND (r1.valid_to IS NULL OR r1.valid_to >= y.day)
            WHERE (r1.household_id IS NULL OR r1.stay <> r0.stay) AND %1$s
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12""";

    /** By place and deprived indicator, households of the review rounds of the year. */
    private static final String INDICATORS = PLACE + """
                   d, count(DISTINCT c.household_id)
            FROM y JOIN review_round rr ON rr.review_year = y.year
                 JOIN review_case c ON c.round_id = rr.id
                 JOIN %2$s ON r.household_id = c.household_id
                      AND (r.valid_from IS NULL OR r.valid_from <= y.day)
                      AND (r.valid_to IS NULL OR r.valid_to >= y.day)
                 LEFT JOIN admin_unit u ON u.code = r.commune_code AND u.valid_from = r.unit_valid_from,
                 unnest(string_to_array(c.deprivations, ',')) AS d
            WHERE %1$s AND d <> ''
            GROUP BY 1, 2, 3, 4, 5, 6, 7""";

    static PlaceCounts status(Object[] r) {
        return new PlaceCounts(place(r, 2), number(r[6]), number(r[7]), number(r[8]), number(r[9]), number(r[10]),
                number(r[11]), number(r[12]), number(r[13]), number(r[14]), number(r[15]), number(r[16]),
                number(r[17]), number(r[18]));
    }

    static CauseCount cause(Object[] r) {
        return new CauseCount(place(r, 2), (String) r[6], number(r[7]));
    }

    static Move move(Object[] r) {
        return new Move(place(r, 2), ((String) r[7]).isEmpty() ? null : place(r, 7), Boolean.TRUE.equals(r[11]),
                number(r[12]));
    }

    static IndicatorCount indicator(Object[] r) {
        return new IndicatorCount(place(r, 2), (String) r[6], number(r[7]));
    }

    private static Place place(Object[] row, int at) {
        return new Place((String) row[at], LocalDate.parse((String) row[at + 1]), blank((String) row[at + 2]),
                blank((String) row[at + 3]));
    }

    private static String blank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
