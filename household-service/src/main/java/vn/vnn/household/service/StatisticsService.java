package vn.vnn.household.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.household.api.PovertyStatistics;
import vn.vnn.household.domain.AdminUnit;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Poverty statistics per area and year, rolled up through the tree in force in the period; old units are mapped to
 * new ones through the successor links (the crosswalk), so history before July 2025 counts in today's communes.
 */
@ApplicationScoped
public class StatisticsService {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final EntityManager entityManager;
    private final Caller caller;

    StatisticsService(EntityManager entityManager, Caller caller) {
        this.entityManager = entityManager;
        this.caller = caller;
    }

    @Transactional
    public PovertyStatistics poverty(String areaCode, int year, boolean withChildren) {
        LocalDate today = LocalDate.now(VIETNAM);
        LocalDate treeOn = year >= today.getYear() ? today : LocalDate.of(year, 12, 31);
        List<AdminUnit> tree = AdminUnit.allInForce(treeOn);
        AdminUnit area = tree.stream().filter(u -> u.code.equals(areaCode)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Area", areaCode + " on " + treeOn));
        if (!mayRead(area, tree)) {
            throw ProblemException.notFound("Area", areaCode);
        }
        return figures(area, tree, year, treeOn, withChildren);
    }

    /**
     * One pass over the area's households (grouped by commune, minority, status and causes), one over the year's
     * recognitions and one over its review cases; the area and each of its sub-areas are then summed from the
     * per-commune tallies, so the cost does not grow with the number of sub-areas.
     */
    private PovertyStatistics figures(AdminUnit area, List<AdminUnit> tree, int year, LocalDate treeOn,
                                      boolean withChildren) {
        Map<String, List<String>> predecessors = predecessors();
        List<AdminUnit> units = new ArrayList<>(List.of(area));
        if (withChildren) {
            tree.stream().filter(u -> area.code.equals(u.parentCode)
                    && u.level != vn.vnn.household.domain.AdminLevel.VILLAGE).forEach(units::add);
        }
        Set<String> all = communesUnder(area, tree, predecessors);
        Map<String, Tally> tallies = tallies(filter(area, all, treeOn), year);
        List<PovertyStatistics> children = withChildren ? new ArrayList<>() : null;
        for (AdminUnit child : units.subList(1, units.size())) {
            children.add(statistics(child, year, treeOn, sum(communesUnder(child, tree, predecessors), tallies),
                    null));
        }
        return statistics(area, year, treeOn, sum(all, tallies), children);
    }

    /** Which households a report reads: those of {@code communes}, found through {@code codes}. */
    private record AreaFilter(Set<String> communes, boolean byProvince, String[] codes) {
    }

    private AreaFilter filter(AdminUnit area, Set<String> communes, LocalDate treeOn) {
        if (area.level != vn.vnn.household.domain.AdminLevel.PROVINCE
                && area.level != vn.vnn.household.domain.AdminLevel.DISTRICT) {
            return new AreaFilter(communes, false, communes.toArray(String[]::new));
        }
        Set<String> provinces = new HashSet<>();
        provinces.add(area.level == vn.vnn.household.domain.AdminLevel.PROVINCE ? area.code
                : AdminUnit.provinceOf(area.code, treeOn));
        @SuppressWarnings("unchecked")
        List<String> older = entityManager.createNativeQuery(
                        "SELECT DISTINCT code FROM admin_unit WHERE level = 'PROVINCE' AND code = ANY(?1)")
                .setParameter(1, communes.toArray(String[]::new)).getResultList();
        provinces.addAll(older);
        return new AreaFilter(communes, true, provinces.toArray(String[]::new));
    }

    private Map<String, Tally> tallies(AreaFilter filter, int year) {
        String[] communes = filter.communes().toArray(String[]::new);
        Map<String, Tally> tallies = new HashMap<>();
        // Hash aggregation instead of sorting a million rows of text; the default work_mem is too small for it.
        entityManager.createNativeQuery("SET LOCAL work_mem = '32MB'").executeUpdate();
        // A whole province (or district) is read by a parallel scan of its province; a commune by its index. The
        // household row carries its latest status and transition, so only households recognised again after the
        // year need their recognitions read to know what they were then; an index on status_year finds them.
        String where = filter.byProvince() ? "h.province_code = ANY(CAST(?1 AS text[]))"
                : "h.commune_code = ANY(CAST(?1 AS text[]))";
        @SuppressWarnings("unchecked")
        List<Object[]> households = entityManager.createNativeQuery("""
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
                .setParameter(1, filter.codes()).setParameter(2, year).getResultList();
        for (Object[] row : households) {
            if (!filter.communes().contains((String) row[0])) {
                continue; // another commune of the province, outside the area
            }
            Tally tally = tallies.computeIfAbsent((String) row[0], c -> new Tally());
            long n = number(row[5]);
            String status = (String) row[2];
            boolean minority = Boolean.TRUE.equals(row[1]);
            tally.resident += n;
            tally.poor += "POOR".equals(status) ? n : 0;
            tally.nearPoor += "NEAR_POOR".equals(status) ? n : 0;
            tally.average += "AVERAGE_LIVING_STANDARD".equals(status) ? n : 0;
            tally.minority += minority ? n : 0;
            tally.minorityPoor += minority && "POOR".equals(status) ? n : 0;
            tally.minorityNearPoor += minority && "NEAR_POOR".equals(status) ? n : 0;
            if (row[3] != null) {
                for (String cause : ((String) row[3]).split(",")) {
                    if (!cause.isEmpty()) {
                        tally.causes.merge(cause, n, Long::sum);
                    }
                }
            }
            if (row[4] != null) {
                tally.transitions.merge((String) row[4], n, Long::sum);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> indicators = entityManager.createNativeQuery("""
                        SELECT h.commune_code, d, count(DISTINCT c.household_id)
                        FROM review_case c JOIN review_round rr ON rr.id = c.round_id
                             JOIN household h ON h.id = c.household_id,
                             unnest(string_to_array(c.deprivations, ',')) AS d
                        WHERE h.commune_code = ANY(?1) AND rr.review_year = ?2 AND d <> ''
                        GROUP BY 1, 2""")
                .setParameter(1, communes).setParameter(2, year).getResultList();
        for (Object[] row : indicators) {
            tallies.computeIfAbsent((String) row[0], c -> new Tally()).indicators.merge((String) row[1],
                    number(row[2]), Long::sum);
        }
        return tallies;
    }

    private static PovertyStatistics statistics(AdminUnit unit, int year, LocalDate treeOn, Tally t,
                                                List<PovertyStatistics> children) {
        return new PovertyStatistics(unit.code, unit.name, unit.level.name(), year, treeOn, t.resident, t.poor,
                t.nearPoor, t.average, rate(t.poor, t.resident), rate(t.nearPoor, t.resident),
                t.transitions.getOrDefault("ESCAPED_POVERTY", 0L), t.transitions.getOrDefault("NEWLY_POOR", 0L),
                t.transitions.getOrDefault("RE_POOR", 0L), t.minority, t.minorityPoor, t.minorityNearPoor,
                new TreeMap<>(t.indicators), new TreeMap<>(t.causes), children);
    }

    private static Tally sum(Set<String> communes, Map<String, Tally> tallies) {
        Tally total = new Tally();
        communes.stream().map(tallies::get).filter(java.util.Objects::nonNull).forEach(total::add);
        return total;
    }

    /** Household counts of one commune code (or of an area, once summed). */
    private static final class Tally {
        long resident;
        long poor;
        long nearPoor;
        long average;
        long minority;
        long minorityPoor;
        long minorityNearPoor;
        final Map<String, Long> transitions = new HashMap<>();
        final Map<String, Long> indicators = new HashMap<>();
        final Map<String, Long> causes = new HashMap<>();

        void add(Tally other) {
            resident += other.resident;
            poor += other.poor;
            nearPoor += other.nearPoor;
            average += other.average;
            minority += other.minority;
            minorityPoor += other.minorityPoor;
            minorityNearPoor += other.minorityNearPoor;
            other.transitions.forEach((k, v) -> transitions.merge(k, v, Long::sum));
            other.indicators.forEach((k, v) -> indicators.merge(k, v, Long::sum));
            other.causes.forEach((k, v) -> causes.merge(k, v, Long::sum));
        }
    }

    /** Commune codes under {@code area} in the tree, plus every older code that became one of them. */
    private static Set<String> communesUnder(AdminUnit area, List<AdminUnit> tree,
                                             Map<String, List<String>> predecessors) {
        Set<String> codes = new HashSet<>();
        List<String> frontier = new ArrayList<>(List.of(area.code));
        while (!frontier.isEmpty()) {
            String code = frontier.remove(frontier.size() - 1);
            if (codes.add(code)) {
                tree.stream().filter(u -> code.equals(u.parentCode)).forEach(u -> frontier.add(u.code));
                frontier.addAll(predecessors.getOrDefault(code, List.of()));
            }
        }
        return codes;
    }

    /** The crosswalk read backwards: for each unit code, the codes it succeeded. */
    private Map<String, List<String>> predecessors() {
        @SuppressWarnings("unchecked")
        List<Object[]> links = entityManager.createNativeQuery(
                "SELECT code, successor_code FROM admin_unit_successor").getResultList();
        Map<String, List<String>> map = new HashMap<>();
        links.forEach(link -> map.computeIfAbsent((String) link[1], k -> new ArrayList<>()).add((String) link[0]));
        return map;
    }

    /** Users bound to areas read the statistics of their areas and of the units under them. */
    private boolean mayRead(AdminUnit area, List<AdminUnit> tree) {
        vn.vnn.kit.security.AreaScope scope = caller.scope();
        AdminUnit current = area;
        while (current != null) {
            if (scope.covers(current.code)) {
                return true;
            }
            String parent = current.parentCode;
            current = parent == null ? null : tree.stream().filter(u -> u.code.equals(parent)).findFirst()
                    .orElse(null);
        }
        return false;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(part * 100L)
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
