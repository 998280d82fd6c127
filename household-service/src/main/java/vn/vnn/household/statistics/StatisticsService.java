package vn.vnn.household.statistics;

import vn.vnn.kit.time.VietnamClock;

import vn.vnn.household.areas.AdminLevel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.household.areas.AdminUnit;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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


    private final EntityManager entityManager;
    private final HouseholdCounts counts;
    private final Caller caller;
    private final VietnamClock clock;

    StatisticsService(EntityManager entityManager, HouseholdCounts counts, Caller caller, VietnamClock clock) {
        this.counts = counts;
        this.clock = clock;
        this.entityManager = entityManager;
        this.caller = caller;
    }

    @Transactional
    public PovertyStatistics poverty(String areaCode, int year, boolean withChildren) {
        LocalDate today = clock.today();
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
        Map<String, List<String>> predecessors = AdminUnit.predecessorsByCode();
        List<AdminUnit> units = new ArrayList<>(List.of(area));
        if (withChildren) {
            tree.stream().filter(u -> area.code.equals(u.parentCode)
                    && u.level != AdminLevel.VILLAGE).forEach(units::add);
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
        if (area.level != AdminLevel.PROVINCE
                && area.level != AdminLevel.DISTRICT) {
            return new AreaFilter(communes, false, communes.toArray(String[]::new));
        }
        Set<String> provinces = new HashSet<>();
        provinces.add(area.level == AdminLevel.PROVINCE ? area.code
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
        for (HouseholdCounts.StatusCount row : counts.byStatus(filter.byProvince(), filter.codes(), year)) {
            if (!filter.communes().contains(row.communeCode())) {
                continue; // another commune of the province, outside the area
            }
            Tally tally = tallies.computeIfAbsent(row.communeCode(), c -> new Tally());
            long n = row.households();
            String status = row.status();
            boolean minority = row.ethnicMinority();
            tally.resident += n;
            tally.poor += "POOR".equals(status) ? n : 0;
            tally.nearPoor += "NEAR_POOR".equals(status) ? n : 0;
            tally.average += "AVERAGE_LIVING_STANDARD".equals(status) ? n : 0;
            tally.minority += minority ? n : 0;
            tally.minorityPoor += minority && "POOR".equals(status) ? n : 0;
            tally.minorityNearPoor += minority && "NEAR_POOR".equals(status) ? n : 0;
            if (row.causesOfPoverty() != null) {
                for (String cause : row.causesOfPoverty().split(",")) {
                    if (!cause.isEmpty()) {
                        tally.causes.merge(cause, n, Long::sum);
                    }
                }
            }
            if (row.transition() != null) {
                tally.transitions.merge(row.transition(), n, Long::sum);
            }
        }
        for (HouseholdCounts.IndicatorCount row : counts.byIndicator(communes, year)) {
            tallies.computeIfAbsent(row.communeCode(), c -> new Tally()).indicators.merge(row.indicator(),
                    row.households(), Long::sum);
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

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(part * 100L)
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
