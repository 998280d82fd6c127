package vn.vnn.household.statistics;

import vn.vnn.household.areas.UnitTrees;
import vn.vnn.household.areas.UnitsChanged;
import vn.vnn.household.statistics.HouseholdCounts.Kind;
import vn.vnn.household.statistics.HouseholdCounts.Scan;
import vn.vnn.household.statistics.HouseholdCounts.Years;
import vn.vnn.kit.sql.TableOwner;
import vn.vnn.kit.time.VietnamClock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The statistics' maintained tallies (tally_status, tally_cause, tally_move, tally_indicator): the counts of {@link HouseholdCounts}
 * per year and recorded place, kept in step with the registry in the same transaction as each change.
 *
 * <p>A use case calls {@link #touch} with the households it is about to change, before it changes anything (their
 * rows are locked and their share of every maintained year is read), or {@link #added} with the households it
 * creates; just before the transaction commits their share is read again and the difference moves the tallies, in
 * key order so that two transactions never wait for each other crosswise. A full count of the same households
 * fills a tally from scratch ({@link #rebuild}); reports trust a year's tallies only once built and while the unit
 * tree they were built on still holds on the year's reference day ({@link #trusted}), and count live otherwise.
 *
 * <p>Rebuilds and changes exclude each other through advisory locks (a rebuild exclusively, changes shared, for the
 * provinces they touch), so that a rebuild's count and the changes applied after it never overlap.
 */
@ApplicationScoped
@TableOwner({"tally_status", "tally_cause", "tally_move", "tally_indicator", "tally_year"})
public class Tallies {

    private final EntityManager entityManager;
    private final HouseholdCounts counts;
    private final TransactionSynchronizationRegistry transactions;
    private final VietnamClock clock;
    private final UnitTrees trees;
    private final int baselineYear;

    Tallies(EntityManager entityManager, HouseholdCounts counts, TransactionSynchronizationRegistry transactions,
            VietnamClock clock, UnitTrees trees,
            @ConfigProperty(name = "vnn.household.statistics.baseline-year", defaultValue = "2022")
            int baselineYear) {
        this.entityManager = entityManager;
        this.counts = counts;
        this.transactions = transactions;
        this.clock = clock;
        this.trees = trees;
        this.baselineYear = baselineYear;
    }

    /** 31 December of the year; today for the current year (its tree and residences as they stand). */
    public LocalDate referenceDay(int year) {
        LocalDate today = clock.today();
        return year >= today.getYear() ? today : LocalDate.of(year, 12, 31);
    }

    /** The years whose tallies are maintained: from the baseline year to the current one. */
    Years maintainedYears() {
        int last = clock.today().getYear();
        int[] years = IntStream.rangeClosed(Math.min(baselineYear, last), last).toArray();
        return new Years(years, Arrays.stream(years).mapToObj(this::referenceDay).toArray(LocalDate[]::new),
                baselineYear);
    }

    int baselineYear() {
        return baselineYear;
    }

    /**
     * Before these households change (call it before changing anything of theirs): locks them and takes their
     * present share out of the tallies, to be put back as it stands at commit.
     */
    public void touch(Collection<UUID> households) {
        Pending pending = pending();
        List<String> fresh = households.stream().filter(Objects::nonNull).filter(pending.households::add)
                .map(UUID::toString).sorted().toList();
        if (fresh.isEmpty()) {
            return;
        }
        // Two changes of one household one after the other: the second reads the first's result as its "before".
        entityManager.createNativeQuery("""
                        SELECT count(*) FROM (SELECT id FROM household
                                              WHERE id = ANY(CAST(CAST(?1 AS text[]) AS uuid[]))
                                              ORDER BY id FOR NO KEY UPDATE) locked""")
                .setParameter(1, fresh.toArray(String[]::new)).getSingleResult();
        Scan scan = new Scan(Scan.Column.HOUSEHOLD, fresh.toArray(String[]::new));
        for (Kind kind : Kind.values()) {
            pending.add(kind, counts.count(kind, scan, pending.years), -1);
        }
    }

    public void touch(UUID household) {
        touch(List.of(household));
    }

    /** Households created in this transaction: their whole share goes into the tallies at commit. */
    public void added(Collection<UUID> households) {
        Pending pending = pending();
        households.stream().filter(Objects::nonNull).forEach(pending.households::add);
    }

    /** The year's tallies were built and the tree they were built on is the tree of {@code day}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean trusted(int year, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT state, CAST(tree_day AS text) FROM tally_year WHERE year = ?1")
                .setParameter(1, year).getResultList();
        if (rows.isEmpty() || !"BUILT".equals(rows.get(0)[0])) {
            return false;
        }
        LocalDate treeDay = LocalDate.parse((String) rows.get(0)[1]);
        return treeDay.equals(day) || !trees.derived("boundary " + treeDay + " " + day, () -> {
            LocalDate from = treeDay.isBefore(day) ? treeDay : day;
            LocalDate to = treeDay.isBefore(day) ? day : treeDay;
            return (Boolean) entityManager.createNativeQuery("""
                            SELECT EXISTS (SELECT 1 FROM admin_unit
                                           WHERE (valid_from > ?1 AND valid_from <= ?2)
                                              OR (valid_to >= ?1 AND valid_to < ?2))""")
                    .setParameter(1, from).setParameter(2, to).getSingleResult();
        });
    }

    /** A year's counts for a report, and whether they came from the tallies (else counted live). */
    public record YearCounts(List<HouseholdCounts.PlaceCounts> places, List<HouseholdCounts.CauseCount> causes,
                             List<HouseholdCounts.Move> moves, List<HouseholdCounts.IndicatorCount> indicators,
                             boolean tallied) {
    }

    /** The counts of a report's scan for a year: from the tallies where trusted, else counted live. */
    @Transactional(Transactional.TxType.MANDATORY)
    public YearCounts counts(Scan scan, int year, LocalDate day) {
        boolean tallied = trusted(year, day);
        Years years = Years.of(year, day, baselineYear);
        java.util.function.Function<Kind, List<Object[]>> rows = kind -> tallied ? read(kind, scan, year)
                : counts.count(kind, scan, years);
        return new YearCounts(rows.apply(Kind.STATUS).stream().map(HouseholdCounts::status).toList(),
                rows.apply(Kind.CAUSE).stream().map(HouseholdCounts::cause).toList(),
                rows.apply(Kind.MOVE).stream().map(HouseholdCounts::move).toList(),
                rows.apply(Kind.INDICATOR).stream().map(HouseholdCounts::indicator).toList(), tallied);
    }

    /** The tallied rows of a year for a report's scan, in the kind's column order. */
    List<Object[]> read(Kind kind, Scan scan, int year) {
        String where = switch (scan.column()) {
            case PROVINCE -> kind == Kind.MOVE
                    ? "(from_province_code = ANY(CAST(?1 AS text[])) OR to_province_code = ANY(CAST(?1 AS text[])))"
                    : "province_code = ANY(CAST(?1 AS text[]))";
            case COMMUNE -> kind == Kind.MOVE
                    ? "(from_commune_code = ANY(CAST(?1 AS text[])) OR to_commune_code = ANY(CAST(?1 AS text[])))"
                    : "commune_code = ANY(CAST(?1 AS text[]))";
            case ALL -> "CAST(?1 AS text[]) IS NOT NULL";
            case HOUSEHOLD -> throw new IllegalArgumentException("tallies are not kept per household");
        };
        if (kind == Kind.CAUSE || kind == Kind.INDICATOR) {
            return readPerPlace(kind, where, scan, year);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + String.join(", ", kind.columns)
                        + " FROM " + kind.table + " WHERE year = ?2 AND " + where + " AND households <> 0")
                .setParameter(1, scan.codes()).setParameter(2, year).getResultList();
        return rows;
    }

    /**
     * A place's causes or indicators come as one row ("CODE=count,…"), split here: a province's report reads about a
     * hundred rows of each kind instead of a row per place and code.
     */
    private List<Object[]> readPerPlace(Kind kind, String where, Scan scan, int year) {
        String code = kind.columns.get(6);
        @SuppressWarnings("unchecked")
        List<Object[]> places = entityManager.createNativeQuery("SELECT " + String.join(", ",
                        kind.columns.subList(0, 6)) + ", string_agg(" + code + " || '=' || households, ',') FROM "
                        + kind.table + " WHERE year = ?2 AND " + where + " AND households <> 0 GROUP BY "
                        + String.join(", ", kind.columns.subList(0, 6)))
                .setParameter(1, scan.codes()).setParameter(2, year).getResultList();
        List<Object[]> rows = new ArrayList<>();
        for (Object[] place : places) {
            for (String pair : ((String) place[6]).split(",")) {
                int at = pair.lastIndexOf('=');
                Object[] row = Arrays.copyOf(place, 8);
                row[6] = pair.substring(0, at);
                row[7] = Long.parseLong(pair.substring(at + 1));
                rows.add(row);
            }
        }
        return rows;
    }

    /** What a rebuild found and did. */
    public record Rebuilt(List<String> provinces, int[] years, long rows, long rowsCorrected) {
    }

    /**
     * Counts the tallies of these provinces (every province when empty) for these years afresh from the registry,
     * and says how many tally rows it found wrong. A full build of a year also marks it trusted.
     */
    @Transactional
    public Rebuilt rebuild(Collection<String> provinces, Years years) {
        boolean everything = provinces.isEmpty();
        List<String> sorted = new ArrayList<>(new TreeSet<>(provinces));
        if (everything) {
            lock("pg_advisory_xact_lock", List.of());
        } else {
            lock("pg_advisory_xact_lock_shared", List.of());
            sorted.forEach(p -> lock("pg_advisory_xact_lock", List.of(p)));
        }
        entityManager.createNativeQuery("SET LOCAL work_mem = '64MB'").executeUpdate();
        Scan scan = everything ? Scan.all() : new Scan(Scan.Column.PROVINCE, sorted.toArray(String[]::new));
        String[] yearCodes = Arrays.stream(years.years()).mapToObj(String::valueOf).toArray(String[]::new);
        long rows = 0;
        long corrected = 0;
        for (Kind kind : Kind.values()) {
            String province = kind == Kind.MOVE ? "from_province_code" : "province_code";
            String where = " WHERE year = ANY(CAST(CAST(?1 AS text[]) AS integer[]))"
                    + (everything ? "" : " AND " + province + " = ANY(CAST(?2 AS text[]))");
            Map<List<Object>, List<Object>> before = rows(kind, where, yearCodes, sorted);
            var delete = entityManager.createNativeQuery("DELETE FROM " + kind.table + where)
                    .setParameter(1, yearCodes);
            if (!everything) {
                delete.setParameter(2, sorted.toArray(String[]::new));
            }
            delete.executeUpdate();
            counts.bind(entityManager.createNativeQuery("INSERT INTO " + kind.table + " ("
                    + String.join(", ", kind.columns) + ") " + counts.select(kind, scan, false)), kind, scan, years)
                    .executeUpdate();
            Map<List<Object>, List<Object>> after = rows(kind, where, yearCodes, sorted);
            rows += after.size();
            Set<List<Object>> keys = new HashSet<>(before.keySet());
            keys.addAll(after.keySet());
            corrected += keys.stream().filter(k -> !Objects.equals(before.get(k), after.get(k))).count();
        }
        if (everything) {
            for (int i = 0; i < years.years().length; i++) {
                entityManager.createNativeQuery("""
                                INSERT INTO tally_year (year, state, tree_day, built_at) VALUES (?1, 'BUILT', ?2, ?3)
                                ON CONFLICT (year) DO UPDATE SET state = 'BUILT', tree_day = EXCLUDED.tree_day,
                                    built_at = EXCLUDED.built_at""")
                        .setParameter(1, years.years()[i]).setParameter(2, years.days()[i])
                        .setParameter(3, clock.now()).executeUpdate();
            }
        }
        return new Rebuilt(sorted, years.years(), rows, corrected);
    }

    /** A maintained year: whether its tallies are built and trusted, on which day's tree, since when. */
    public record YearState(int year, String state, LocalDate treeDay, java.time.OffsetDateTime builtAt,
                            boolean trusted) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<YearState> years() {
        Years years = maintainedYears();
        List<YearState> found = new ArrayList<>();
        for (int i = 0; i < years.years().length; i++) {
            int year = years.years()[i];
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery(
                            """
                            SELECT state, CAST(tree_day AS text),
                                   to_char(built_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS"+07:00"')
                            FROM tally_year WHERE year = ?1""")
                    .setParameter(1, year).getResultList();
            found.add(rows.isEmpty() ? new YearState(year, "NOT_BUILT", null, null, false)
                    : new YearState(year, (String) rows.get(0)[0], LocalDate.parse((String) rows.get(0)[1]),
                    java.time.OffsetDateTime.parse((String) rows.get(0)[2]),
                    trusted(year, years.days()[i])));
        }
        return found;
    }

    /** The maintained years whose tallies reports cannot trust now: never built, stale, or on another tree. */
    @Transactional
    public List<Integer> untrustedYears() {
        Years years = maintainedYears();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < years.years().length; i++) {
            if (!trusted(years.years()[i], years.days()[i])) {
                found.add(years.years()[i]);
            }
        }
        return found;
    }

    /** A changed unit tree may place households differently in any year: every year waits for a rebuild. */
    void unitsChanged(@Observes UnitsChanged change) {
        entityManager.createNativeQuery("UPDATE tally_year SET state = 'STALE'").executeUpdate();
    }

    private Map<List<Object>, List<Object>> rows(Kind kind, String where, String[] years, List<String> provinces) {
        var query = entityManager.createNativeQuery("SELECT " + String.join(", ", kind.columns) + " FROM "
                + kind.table + where + " AND households <> 0").setParameter(1, years);
        if (where.contains("?2")) {
            query.setParameter(2, provinces.toArray(String[]::new));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = query.getResultList();
        Map<List<Object>, List<Object>> byKey = new HashMap<>();
        for (Object[] row : found) {
            byKey.put(Arrays.asList(Arrays.copyOfRange(row, 0, kind.keys)), Arrays.stream(row, kind.keys, row.length)
                    .map(HouseholdCounts::number).collect(Collectors.toList()));
        }
        return byKey;
    }

    private void lock(String function, List<String> province) {
        String key = province.isEmpty() ? "tally" : "tally:" + province.get(0);
        entityManager.createNativeQuery("SELECT count(*) FROM (SELECT " + function + "(hashtext(?1))) l")
                .setParameter(1, key).getSingleResult();
    }

    private Pending pending() {
        Pending pending = (Pending) transactions.getResource(Pending.class);
        if (pending == null) {
            pending = new Pending(maintainedYears());
            transactions.putResource(Pending.class, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        return pending;
    }

    /** The households a transaction changes and the difference their changes make, applied just before commit. */
    private final class Pending implements Synchronization {
        private final Years years;
        private final Set<UUID> households = new LinkedHashSet<>();
        private final Map<Kind, Map<List<Object>, long[]>> delta = new EnumMap<>(Kind.class);

        Pending(Years years) {
            this.years = years;
        }

        void add(Kind kind, List<Object[]> rows, int sign) {
            Map<List<Object>, long[]> byKey = delta.computeIfAbsent(kind, k -> new HashMap<>());
            for (Object[] row : rows) {
                long[] values = byKey.computeIfAbsent(Arrays.asList(Arrays.copyOfRange(row, 0, kind.keys)),
                        k -> new long[kind.columns.size() - kind.keys]);
                for (int i = 0; i < values.length; i++) {
                    values[i] += sign * HouseholdCounts.number(row[kind.keys + i]);
                }
            }
        }

        @Override
        public void beforeCompletion() {
            if (households.isEmpty() || transactions.getRollbackOnly()) {
                return;
            }
            entityManager.flush();
            Scan scan = new Scan(Scan.Column.HOUSEHOLD, households.stream().map(UUID::toString).sorted()
                    .toArray(String[]::new));
            for (Kind kind : Kind.values()) {
                add(kind, counts.count(kind, scan, years), 1);
            }
            Set<String> provinces = new TreeSet<>();
            delta.forEach((kind, rows) -> rows.entrySet().removeIf(e -> Arrays.stream(e.getValue())
                    .allMatch(v -> v == 0)));
            delta.forEach((kind, rows) -> rows.keySet().forEach(k -> provinces.add((String) k.get(1))));
            if (provinces.isEmpty()) {
                return;
            }
            lock("pg_advisory_xact_lock_shared", List.of());
            provinces.forEach(p -> lock("pg_advisory_xact_lock_shared", List.of(p)));
            for (Kind kind : Kind.values()) {
                upsert(kind, delta.getOrDefault(kind, Map.of()));
            }
        }

        @Override
        public void afterCompletion(int status) {
        }

        /** One statement per tally, its rows in key order (the order every transaction locks them in). */
        private void upsert(Kind kind, Map<List<Object>, long[]> rows) {
            if (rows.isEmpty()) {
                return;
            }
            List<Map.Entry<List<Object>, long[]>> ordered = rows.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(KEY_ORDER)).toList();
            int width = kind.columns.size();
            String[][] columns = new String[width][ordered.size()];
            for (int row = 0; row < ordered.size(); row++) {
                List<Object> key = ordered.get(row).getKey();
                long[] values = ordered.get(row).getValue();
                for (int c = 0; c < width; c++) {
                    columns[c][row] = c < kind.keys ? String.valueOf(key.get(c)) : String.valueOf(values[c - kind.keys]);
                }
            }
            String names = String.join(", ", kind.columns);
            String casts = IntStream.range(0, width).mapToObj(c -> "CAST(c" + c + " AS " + kind.type(c) + ")")
                    .collect(Collectors.joining(", "));
            String arrays = IntStream.range(0, width).mapToObj(c -> "CAST(?" + (c + 1) + " AS text[])")
                    .collect(Collectors.joining(", "));
            String aliases = IntStream.range(0, width).mapToObj(c -> "c" + c).collect(Collectors.joining(", "));
            String sums = kind.columns.subList(kind.keys, width).stream()
                    .map(c -> c + " = " + kind.table + "." + c + " + EXCLUDED." + c).collect(Collectors.joining(", "));
            var query = entityManager.createNativeQuery("INSERT INTO " + kind.table + " (" + names + ") SELECT "
                    + casts + " FROM unnest(" + arrays + ") WITH ORDINALITY AS x(" + aliases + ", o) ORDER BY o"
                    + " ON CONFLICT (" + String.join(", ", kind.columns.subList(0, kind.keys)) + ") DO UPDATE SET "
                    + sums);
            for (int c = 0; c < width; c++) {
                query.setParameter(c + 1, columns[c]);
            }
            query.executeUpdate();
        }
    }

    private static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = String.valueOf(a.get(i)).compareTo(String.valueOf(b.get(i)));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };
}
