package vn.vnn.household.statistics;

import vn.vnn.household.areas.AdminLevel;
import vn.vnn.household.areas.AdminUnit;
import vn.vnn.household.areas.UnitHistory;
import vn.vnn.household.areas.UnitLinks;
import vn.vnn.household.areas.UnitTrees;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.security.Caller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Poverty statistics per area and year (docs/domain-rules.md, statistics rules 1–4): on the unit tree in force on the
 * year's reference day, each household where it lived that day — a place recorded under another tree is placed
 * through {@link UnitHistory} (by village, by the commune recorded before the reorganisation, or else on a "not
 * attributable to a commune" line of the nearest certain unit) — with every recognition of the year counted and the
 * dynamics checked to balance.
 */
@ApplicationScoped
public class StatisticsService {

    /** The slot of households that cannot be placed in a commune: "~" and the unit that certainly holds them. */
    private static final String UNATTRIBUTED = "~";
    /** The whole country (cả nước): the provinces of the year's tree under one line. */
    public static final String NATIONAL = vn.vnn.kit.security.Reach.NATIONAL_AREA;

    private final HouseholdCounts counts;
    private final Tallies maintained;
    private final ResidentHouseholds resident;
    private final UnitLinks links;
    private final UnitTrees trees;
    private final Caller caller;

    StatisticsService(HouseholdCounts counts, Tallies tallies, ResidentHouseholds resident, UnitLinks links,
                      UnitTrees trees, Caller caller) {
        this.trees = trees;
        this.counts = counts;
        this.maintained = tallies;
        this.resident = resident;
        this.links = links;
        this.caller = caller;
    }

    @Transactional
    public PovertyStatistics poverty(String areaCode, int year, boolean withChildren) {
        LocalDate day = referenceDay(year);
        List<AdminUnit> tree = trees.inForce(day);
        Map<String, AdminUnit> byCode = new HashMap<>();
        tree.forEach(u -> byCode.put(u.code, u));
        AdminUnit area = NATIONAL.equals(areaCode) ? nation(tree) : byCode.get(areaCode);
        if (area == null) {
            throw ProblemException.notFound("Area", areaCode + " on " + day);
        }
        if (!mayRead(area, byCode)) {
            throw ProblemException.notFound("Area", areaCode);
        }
        return new Report(area, tree, year, day).figures(withChildren);
    }

    /** A commune's figures of a year, as published to the other services. */
    public record CommuneFigures(String communeCode, LocalDate communeVersionFrom, String provinceCode, int year,
                                 long residentHouseholds, long poorHouseholds, String residentHouseholdsSource) {
    }

    /** Every commune's figures of the year, province by province: a system job's read, not a caller's. */
    @Transactional
    public List<CommuneFigures> everyCommune(int year) {
        LocalDate day = referenceDay(year);
        List<AdminUnit> tree = trees.inForce(day);
        List<CommuneFigures> figures = new ArrayList<>();
        for (AdminUnit province : tree.stream().filter(u -> u.level == AdminLevel.PROVINCE).toList()) {
            Report report = new Report(province, tree, year, day);
            report.load();
            figures.addAll(report.communes());
        }
        return figures;
    }

    LocalDate referenceDay(int year) {
        return maintained.referenceDay(year);
    }

    /** The maintained years and whether reports trust their tallies. */
    @Transactional
    public List<Tallies.YearState> tallyYears() {
        return maintained.years();
    }

    /**
     * Counts the tallies of the area's province (and of the provinces it was formed from or became) afresh for every
     * maintained year; says how many tally rows were wrong.
     */
    @Transactional
    public Tallies.Rebuilt rebuildTallies(String areaCode) {
        LocalDate today = referenceDay(Integer.MAX_VALUE);
        AdminUnit area = AdminUnit.inForce(areaCode, today).or(() -> AdminUnit.<AdminUnit>find(
                "code = ?1 order by validFrom desc", areaCode).firstResultOptional())
                .orElseThrow(() -> ProblemException.notFound("Area", areaCode));
        String province = area.level == AdminLevel.PROVINCE ? area.code
                : AdminUnit.provinceOf(area.code, area.validTo == null ? today : area.validTo);
        Set<String> provinces = new HashSet<>(List.of(linked(Set.of(province), links.history(List.of()),
                AdminLevel.PROVINCE)));
        return maintained.rebuild(provinces, maintained.maintainedYears());
    }

    /** The country as a unit of the report (never stored): the provinces of the tree hang under it. */
    private static AdminUnit nation(List<AdminUnit> tree) {
        AdminUnit nation = new AdminUnit();
        nation.code = NATIONAL;
        nation.name = "Cả nước";
        return nation;
    }

    /** One report: the counts of the area's households, placed on the year's tree and summed per unit. */
    private final class Report {
        private final AdminUnit area;
        private final List<AdminUnit> tree;
        private final Map<String, List<AdminUnit>> children = new HashMap<>();
        private final int year;
        private final LocalDate day;
        private final Map<String, Tally> tallies = new HashMap<>();
        private final List<Crossing> crossings = new ArrayList<>();
        private Map<String, ResidentHouseholds.Supplied> supplied;

        Report(AdminUnit area, List<AdminUnit> tree, int year, LocalDate day) {
            this.area = area;
            this.tree = tree;
            this.year = year;
            this.day = day;
            tree.stream().filter(u -> u.parentCode != null)
                    .forEach(u -> children.computeIfAbsent(u.parentCode, k -> new ArrayList<>()).add(u));
            if (NATIONAL.equals(area.code)) {
                children.put(NATIONAL, tree.stream().filter(u -> u.level == AdminLevel.PROVINCE).toList());
            }
        }

        private static String level(AdminUnit unit) {
            return NATIONAL.equals(unit.code) ? "NATIONAL" : unit.level.name();
        }

        PovertyStatistics figures(boolean withChildren) {
            load();
            Set<String> communes = communesUnder(area);
            List<PovertyStatistics> lines = null;
            if (withChildren) {
                lines = new ArrayList<>();
                for (AdminUnit child : children.getOrDefault(area.code, List.of()).stream()
                        .sorted(java.util.Comparator.comparing(u -> u.code)).toList()) {
                    lines.add(statistics(child.code, child.name, child.level.name(), slotsUnder(child),
                            communesUnder(child), null));
                }
                String held = UNATTRIBUTED + area.code;
                if (tallies.containsKey(held) || crossings.stream().anyMatch(c -> held.equals(c.from()))) {
                    lines.add(statistics(area.code, "Hộ không xác định được xã (" + area.name + ")",
                            "NOT_ATTRIBUTABLE", Set.of(held), Set.of(), null));
                }
            }
            return statistics(area.code, area.name, level(area), slotsUnder(area), communes, lines);
        }

        /** Reads the area's counts and places them on the day's tree. */
        void load() {
            UnitHistory history = links.history(List.of());
            Set<String> communes = communesUnder(area);
            HouseholdCounts.Scan scan = scan(history);
            Tallies.YearCounts counted = maintained.counts(scan, year, day);
            List<HouseholdCounts.PlaceCounts> places = counted.places();
            List<HouseholdCounts.CauseCount> causes = counted.causes();
            List<HouseholdCounts.Move> moves = counted.moves();
            List<HouseholdCounts.IndicatorCount> indicators = counted.indicators();
            Set<String> villages = new HashSet<>();
            places.forEach(p -> villages.add(p.place().villageCode()));
            causes.forEach(c -> villages.add(c.place().villageCode()));
            indicators.forEach(i -> villages.add(i.place().villageCode()));
            moves.forEach(m -> {
                villages.add(m.from().villageCode());
                villages.add(m.to() == null ? null : m.to().villageCode());
            });
            villages.remove(null);
            if (!villages.isEmpty()) {
                history = links.history(villages);
            }
            Slots slots = new Slots(history);
            places.forEach(p -> tally(slots.of(p.place())).add(p));
            causes.forEach(c -> tally(slots.of(c.place())).causes.merge(c.cause(), c.households(), Long::sum));
            indicators.forEach(i -> tally(slots.of(i.place())).indicators.merge(i.indicator(), i.households(),
                    Long::sum));
            moves.forEach(m -> crossings.add(new Crossing(slots.of(m.from()),
                    m.to() == null ? null : slots.of(m.to()), m.poorAtStart(), m.households())));
            supplied = resident.forYear(year, communes);
        }

        /** The figures of each commune under the area, after {@link #load()}. */
        List<CommuneFigures> communes() {
            Set<String> under = communesUnder(area);
            return tree.stream().filter(u -> u.level == AdminLevel.COMMUNE).filter(u -> under.contains(u.code))
                    .map(commune -> {
                        PovertyStatistics s = statistics(commune.code, commune.name, commune.level.name(),
                                slotsUnder(commune), Set.of(commune.code), null);
                        return new CommuneFigures(commune.code, commune.validFrom, area.code, year,
                                s.residentHouseholds(), s.poor(), s.residentHouseholdsSource());
                    }).toList();
        }

        private Tally tally(String slot) {
            return tallies.computeIfAbsent(slot, s -> new Tally());
        }

        private PovertyStatistics statistics(String code, String name, String level, Set<String> slots,
                                             Set<String> communes, List<PovertyStatistics> lines) {
            Tally t = new Tally();
            slots.stream().map(tallies::get).filter(Objects::nonNull).forEach(t::add);
            long poorPrevious = t.poorAtStart;
            long movedIn = t.arrivedPoor;
            long movedOut = 0;
            for (Crossing c : crossings) {
                boolean from = slots.contains(c.from());
                boolean to = c.to() != null && slots.contains(c.to());
                if (!c.poorAtStart()) {
                    continue;
                }
                poorPrevious += from ? c.households() : 0;
                movedIn += to && !from ? c.households() : 0;
                movedOut += from && !to ? c.households() : 0;
            }
            long expected = poorPrevious - t.escaped + t.newlyPoor + t.rePoor + t.firstRecorded + movedIn - movedOut;
            PovertyStatistics.Dynamics dynamics = new PovertyStatistics.Dynamics(poorPrevious, t.escaped,
                    t.newlyPoor, t.rePoor, t.firstRecorded, movedIn, movedOut, t.poor, expected == t.poor,
                    t.poor - expected);
            Denominator denominator = denominator(slots, communes);
            return new PovertyStatistics(code, name, level, year, day, denominator.households(),
                    denominator.source(), t.resident, t.poor, t.nearPoor, t.average,
                    vn.vnn.kit.numbers.Percent.of(t.poor, denominator.households()),
                    vn.vnn.kit.numbers.Percent.of(t.nearPoor, denominator.households()), t.escaped, t.newlyPoor, t.rePoor,
                    t.minority, t.minorityPoor, t.minorityNearPoor, dynamics, new java.util.TreeMap<>(t.indicators),
                    new java.util.TreeMap<>(t.causes), lines);
        }

        /**
         * Resident households: per commune the province's figure where supplied, else the registry's; households not
         * attributable to a commune add to the registry's count only (a supplied figure already holds them).
         */
        private Denominator denominator(Set<String> slots, Set<String> communes) {
            long households = 0;
            int fromProvince = 0;
            for (String commune : communes) {
                ResidentHouseholds.Supplied figure = supplied.get(commune);
                if (figure != null) {
                    households += figure.households();
                    fromProvince++;
                } else {
                    Tally t = tallies.get(commune);
                    households += t == null ? 0 : t.resident;
                }
            }
            if (fromProvince == 0) {
                for (String slot : slots) {
                    if (slot.startsWith(UNATTRIBUTED)) {
                        Tally t = tallies.get(slot);
                        households += t == null ? 0 : t.resident;
                    }
                }
            }
            String source = fromProvince == 0 ? "REGISTRY"
                    : fromProvince == communes.size() ? "PROVINCE_DATA" : "MIXED";
            return new Denominator(households, source);
        }

        /** Communes under a unit in the tree of the day. */
        private Set<String> communesUnder(AdminUnit unit) {
            Set<String> found = new HashSet<>();
            Deque<AdminUnit> todo = new ArrayDeque<>(List.of(unit));
            while (!todo.isEmpty()) {
                AdminUnit u = todo.pop();
                if (u.level == AdminLevel.COMMUNE) {
                    found.add(u.code);
                }
                todo.addAll(children.getOrDefault(u.code, List.of()));
            }
            return found;
        }

        /** The slots a unit's figures sum: its communes, and the unattributed lines of it and the units under it. */
        private Set<String> slotsUnder(AdminUnit unit) {
            Set<String> found = new HashSet<>();
            Deque<AdminUnit> todo = new ArrayDeque<>(List.of(unit));
            while (!todo.isEmpty()) {
                AdminUnit u = todo.pop();
                found.add(u.level == AdminLevel.COMMUNE ? u.code : UNATTRIBUTED + u.code);
                todo.addAll(children.getOrDefault(u.code, List.of()));
            }
            return found;
        }

        /**
         * The residences a report must read: of the area's province (and of the provinces it was formed from or
         * became) for a province or district; of its communes and the communes they came from or became otherwise.
         */
        private HouseholdCounts.Scan scan(UnitHistory history) {
            if (NATIONAL.equals(area.code)) {
                return HouseholdCounts.Scan.all();
            }
            if (area.level == AdminLevel.PROVINCE || area.level == AdminLevel.DISTRICT) {
                String province = area.level == AdminLevel.PROVINCE ? area.code : AdminUnit.provinceOf(area.code, day);
                return new HouseholdCounts.Scan(HouseholdCounts.Scan.Column.PROVINCE,
                        linked(Set.of(province), history, AdminLevel.PROVINCE));
            }
            return new HouseholdCounts.Scan(HouseholdCounts.Scan.Column.COMMUNE,
                    linked(communesUnder(area), history, AdminLevel.COMMUNE));
        }

        /** Where each recorded place lies on the day's tree, remembered per place. */
        private final class Slots {
            private final UnitHistory history;
            private final Map<HouseholdCounts.Place, String> known = new HashMap<>();

            Slots(UnitHistory history) {
                this.history = history;
            }

            String of(HouseholdCounts.Place place) {
                return known.computeIfAbsent(place, p -> {
                    UnitHistory.Place located = history.locate(p.communeCode(), p.unitValidFrom(), p.villageCode(),
                            p.preReformCommune(), day);
                    return located.attributable() ? located.communeCode()
                            : UNATTRIBUTED + Objects.requireNonNullElse(located.heldBy(), "");
                });
            }
        }
    }

    /** The codes and every code of the same level linked to them by succession, either way, transitively. */
    private static String[] linked(Set<String> codes, UnitHistory history, AdminLevel level) {
        Map<String, Set<String>> graph = new HashMap<>();
        history.links().forEach(l -> {
            graph.computeIfAbsent(l.code(), k -> new HashSet<>()).add(l.successorCode());
            graph.computeIfAbsent(l.successorCode(), k -> new HashSet<>()).add(l.code());
        });
        Set<String> found = new HashSet<>(codes);
        Deque<String> todo = new ArrayDeque<>(codes);
        while (!todo.isEmpty()) {
            for (String next : graph.getOrDefault(todo.pop(), Set.of())) {
                if (history.hasLevel(next, level) && found.add(next)) {
                    todo.add(next);
                }
            }
        }
        return found.toArray(String[]::new);
    }

    private record Denominator(long households, String source) {
    }

    /** Households that left their stay in the year: from one slot to another (null: dissolved). */
    private record Crossing(String from, String to, boolean poorAtStart, long households) {
    }

    /** Household counts of one slot (a commune or an unattributed line), or of an area once summed. */
    private static final class Tally {
        long resident;
        long poor;
        long nearPoor;
        long average;
        long minority;
        long minorityPoor;
        long minorityNearPoor;
        long escaped;
        long newlyPoor;
        long rePoor;
        long firstRecorded;
        /** Poor at the start of the year and in the same stay at its end. */
        long poorAtStart;
        /** Poor at the start of the year and not resident anywhere then. */
        long arrivedPoor;
        final Map<String, Long> indicators = new HashMap<>();
        final Map<String, Long> causes = new HashMap<>();

        void add(HouseholdCounts.PlaceCounts row) {
            resident += row.resident();
            poor += row.poor();
            nearPoor += row.nearPoor();
            average += row.average();
            minority += row.minority();
            minorityPoor += row.minorityPoor();
            minorityNearPoor += row.minorityNearPoor();
            escaped += row.escaped();
            newlyPoor += row.newlyPoor();
            rePoor += row.rePoor();
            firstRecorded += row.firstRecorded();
            poorAtStart += row.poorAtStart();
            arrivedPoor += row.arrivedPoor();
        }

        void add(Tally other) {
            resident += other.resident;
            poor += other.poor;
            nearPoor += other.nearPoor;
            average += other.average;
            minority += other.minority;
            minorityPoor += other.minorityPoor;
            minorityNearPoor += other.minorityNearPoor;
            escaped += other.escaped;
            newlyPoor += other.newlyPoor;
            rePoor += other.rePoor;
            firstRecorded += other.firstRecorded;
            poorAtStart += other.poorAtStart;
            arrivedPoor += other.arrivedPoor;
            other.indicators.forEach((k, v) -> indicators.merge(k, v, Long::sum));
            other.causes.forEach((k, v) -> causes.merge(k, v, Long::sum));
        }
    }

    /** Users bound to areas read the statistics of their areas and of the units under them. */
    private boolean mayRead(AdminUnit area, Map<String, AdminUnit> byCode) {
        AreaScope scope = caller.scope();
        AdminUnit current = area;
        Set<String> seen = new HashSet<>();
        while (current != null && seen.add(current.code)) {
            if (scope.covers(current.code)) {
                return true;
            }
            current = current.parentCode == null ? null : byCode.get(current.parentCode);
        }
        return false;
    }
}
