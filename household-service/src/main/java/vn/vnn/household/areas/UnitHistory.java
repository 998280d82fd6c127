package vn.vnn.household.areas;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dated unit versions and successor links, and where a place recorded on one tree lies on the tree of another
 * date (docs/domain-rules.md, statistics rules 1–2). A merged or split commune is followed through its dated links;
 * a village (thôn, tổ dân phố), which moved whole into one new commune, decides where a split commune's household
 * belongs; when nothing decides, the place is "not attributable to a commune" and held by the nearest unit that is
 * certain. A code reused by a successor (Quyết định 19/2025/QĐ-TTg) is two versions, never one unit.
 */
public final class UnitHistory {

    /** One version of a unit: a code in force from {@code validFrom} to {@code validTo} (inclusive, null = open). */
    public record Version(String code, AdminLevel level, String parentCode, LocalDate validFrom, LocalDate validTo) {
        public boolean inForceOn(LocalDate date) {
            return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
        }
    }

    /** {@code code} became (part of) {@code successorCode} on {@code effectiveOn}. */
    public record Link(String code, String successorCode, LocalDate effectiveOn) {
    }

    /**
     * Where a place lies on a date: a commune in force then, or — not attributable to a commune — the nearest unit
     * in force then that certainly holds it ({@code heldBy}; null when not even a province is certain).
     */
    public record Place(String communeCode, String heldBy) {
        public static Place commune(String code) {
            return new Place(code, code);
        }

        public static Place notAttributable(String heldBy) {
            return new Place(null, heldBy);
        }

        public boolean attributable() {
            return communeCode != null;
        }
    }

    private final Map<String, List<Version>> versionsByCode = new HashMap<>();
    private final List<Link> links;

    public UnitHistory(Collection<Version> versions, Collection<Link> links) {
        versions.forEach(v -> versionsByCode.computeIfAbsent(v.code(), c -> new ArrayList<>()).add(v));
        this.links = List.copyOf(links);
    }

    /** Every version this history knows. */
    public List<Version> versions() {
        return versionsByCode.values().stream().flatMap(List::stream).toList();
    }

    public List<Link> links() {
        return links;
    }

    /** Whether some version of {@code code} is of {@code level}. */
    public boolean hasLevel(String code, AdminLevel level) {
        return versionsByCode.getOrDefault(code, List.of()).stream().anyMatch(v -> v.level() == level);
    }

    public Optional<Version> inForce(String code, LocalDate date) {
        return versionsByCode.getOrDefault(code, List.of()).stream().filter(v -> v.inForceOn(date)).findFirst();
    }

    public Optional<Version> version(String code, LocalDate validFrom) {
        return versionsByCode.getOrDefault(code, List.of()).stream().filter(v -> v.validFrom().equals(validFrom))
                .findFirst();
    }

    /**
     * Where a household recorded in commune version ({@code communeCode}, {@code unitValidFrom}), in village
     * {@code villageCode} (may be null), with the commune before the reorganisation as recorded at registration
     * ({@code preReformCommune}, may be null), lies on the tree of {@code date}.
     */
    public Place locate(String communeCode, LocalDate unitValidFrom, String villageCode, String preReformCommune,
                        LocalDate date) {
        Version commune = version(communeCode, unitValidFrom).or(() -> inForce(communeCode, date)).orElse(null);
        if (commune == null) {
            return Place.notAttributable(null);
        }
        if (commune.inForceOn(date)) {
            return Place.commune(commune.code());
        }
        Optional<Version> village = villageOf(commune, villageCode);
        if (village.isPresent()) {
            Set<Version> then = on(village.get(), date);
            if (then.size() == 1) {
                return Place.commune(then.iterator().next().parentCode());
            }
        }
        if (preReformCommune != null && date.isBefore(commune.validFrom())) {
            Optional<Version> recorded = inForce(preReformCommune, date).filter(v -> v.level() == AdminLevel.COMMUNE);
            if (recorded.isPresent()) {
                return Place.commune(recorded.get().code());
            }
        }
        Set<Version> then = on(commune, date);
        if (then.size() == 1) {
            return Place.commune(then.iterator().next().code());
        }
        return Place.notAttributable(then.isEmpty() ? continuingAncestor(commune, date)
                : commonAncestor(then, date));
    }

    /**
     * For a commune with no recorded predecessors or successors: the nearest unit above it whose same version was in
     * force on {@code date} too (a province that kept its code and its version), or null.
     */
    private String continuingAncestor(Version commune, LocalDate date) {
        LocalDate known = commune.validFrom();
        String parent = commune.parentCode();
        Set<String> seen = new HashSet<>();
        while (parent != null && seen.add(parent)) {
            Optional<Version> then = inForce(parent, known);
            if (then.isEmpty()) {
                return null;
            }
            if (then.get().inForceOn(date)) {
                return parent;
            }
            parent = then.get().parentCode();
        }
        return null;
    }

    /** The unit a version became on {@code date} through its links, when exactly one: a merger, not a split. */
    public Optional<Version> successorOn(Version version, LocalDate date) {
        Set<Version> then = on(version, date);
        return then.size() == 1 ? Optional.of(then.iterator().next()) : Optional.empty();
    }

    /** The village's successor in force on {@code date} (itself when still in force), when exactly one. */
    public Optional<Version> villageOn(Version commune, String villageCode, LocalDate date) {
        return villageOf(commune, villageCode).flatMap(v -> {
            Set<Version> then = on(v, date);
            return then.size() == 1 ? Optional.of(then.iterator().next()) : Optional.empty();
        });
    }

    /** The units in force on {@code date} that a version came from (date before it) or went into (date after). */
    Set<Version> on(Version start, LocalDate date) {
        Set<Version> found = new LinkedHashSet<>();
        Set<Version> seen = new HashSet<>();
        Deque<Version> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            Version v = todo.pop();
            if (!seen.add(v)) {
                continue;
            }
            if (v.inForceOn(date)) {
                found.add(v);
            } else if (date.isBefore(v.validFrom())) {
                todo.addAll(predecessors(v));
            } else {
                todo.addAll(successors(v));
            }
        }
        if (found.isEmpty()) {
            // A version renewed without links (a new name, say): the same code on the date is the same unit.
            inForce(start.code(), date).filter(v -> v.level() == start.level()).ifPresent(found::add);
        }
        return found;
    }

    private List<Version> predecessors(Version v) {
        List<Version> result = new ArrayList<>();
        for (Link link : links) {
            if (link.successorCode().equals(v.code()) && v.inForceOn(link.effectiveOn())) {
                inForce(link.code(), link.effectiveOn().minusDays(1)).ifPresent(result::add);
            }
        }
        return result;
    }

    private List<Version> successors(Version v) {
        List<Version> result = new ArrayList<>();
        for (Link link : links) {
            if (link.code().equals(v.code()) && link.effectiveOn().isAfter(v.validFrom())
                    && (v.validTo() == null || !link.effectiveOn().isAfter(v.validTo().plusDays(1)))) {
                inForce(link.successorCode(), link.effectiveOn()).ifPresent(result::add);
            }
        }
        return result;
    }

    /** The village version that hung under this commune version. */
    private Optional<Version> villageOf(Version commune, String villageCode) {
        if (villageCode == null) {
            return Optional.empty();
        }
        return versionsByCode.getOrDefault(villageCode, List.of()).stream()
                .filter(v -> v.level() == AdminLevel.VILLAGE && commune.code().equals(v.parentCode()))
                .filter(v -> overlaps(v, commune)).findFirst();
    }

    private static boolean overlaps(Version a, Version b) {
        return (a.validTo() == null || !a.validTo().isBefore(b.validFrom()))
                && (b.validTo() == null || !b.validTo().isBefore(a.validFrom()));
    }

    /** The lowest unit in force on {@code date} above all of {@code units} (null when they share none). */
    private String commonAncestor(Set<Version> units, LocalDate date) {
        List<String> common = null;
        for (Version unit : units) {
            List<String> chain = ancestors(unit, date);
            if (common == null) {
                common = chain;
            } else {
                common.retainAll(chain);
            }
        }
        return common == null || common.isEmpty() ? null : common.get(0);
    }

    /** The units above {@code unit} on {@code date}, nearest first. */
    private List<String> ancestors(Version unit, LocalDate date) {
        List<String> chain = new ArrayList<>();
        String parent = unit.parentCode();
        while (parent != null && !chain.contains(parent)) {
            chain.add(parent);
            parent = inForce(parent, date).map(Version::parentCode).orElse(null);
        }
        return chain;
    }
}
