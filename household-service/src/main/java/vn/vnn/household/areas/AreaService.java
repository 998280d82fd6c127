package vn.vnn.household.areas;

import vn.vnn.kit.time.VietnamClock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.upload.RowError;
import vn.vnn.kit.Ids;
import vn.vnn.kit.problem.Problem;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The administrative tree as of any date, and unit lists imported from CSV (all rows or none). */
@ApplicationScoped
public class AreaService {

    private final EntityManager entityManager;
    private final VietnamClock clock;
    private final UnitLinks links;
    private final Event<UnitsChanged> unitsChanged;
    private final UnitTrees trees;

    AreaService(EntityManager entityManager, VietnamClock clock, UnitLinks links, Event<UnitsChanged> unitsChanged,
                UnitTrees trees) {
        this.unitsChanged = unitsChanged;
        this.trees = trees;
        this.clock = clock;
        this.entityManager = entityManager;
        this.links = links;
    }

    /** Imports a unit list; any invalid row rejects the whole file (a half-imported tree would mislead). */
    @Transactional
    public ImportReport importCsv(String csv, boolean demo, String actor) {
        UnitListParser.Parsed parsed;
        try {
            parsed = UnitListParser.parse(new StringReader(csv));
        } catch (IOException | RuntimeException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The file is not readable CSV: " + e.getMessage());
        }
        if (parsed.rows().isEmpty() && parsed.errors().isEmpty()) {
            throw ProblemException.invalid("file", "has no rows");
        }
        entityManager.createNativeQuery("LOCK TABLE admin_unit IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
        List<AdminUnit> stored = AdminUnit.listAll();
        List<RowError> errors = new ArrayList<>(parsed.errors());
        if (errors.isEmpty()) {
            errors.addAll(UnitTreeRules.check(parsed.rows(), stored.stream().map(AreaService::row).toList()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The unit list has " + errors.size()
                    + " error(s); nothing was imported", errors.stream()
                    .map(e -> new Problem.FieldError("row " + e.row() + (e.column() == null ? "" : " " + e.column()),
                            e.message())).toList());
        }
        Map<String, AdminUnit> byKey = new HashMap<>();
        stored.forEach(unit -> byKey.put(unit.code + "@" + unit.validFrom, unit));
        int created = 0;
        int updated = 0;
        boolean validityChanged = false;
        OffsetDateTime now = clock.now();
        for (UnitRow row : parsed.rows()) {
            AdminUnit unit = byKey.get(row.code() + "@" + row.validFrom());
            if (unit == null) {
                unit = new AdminUnit();
                unit.id = Ids.newId();
                unit.code = row.code();
                unit.validFrom = row.validFrom();
                created++;
            } else {
                updated++;
            }
            validityChanged |= !java.util.Objects.equals(unit.validTo, row.validTo());
            unit.name = row.name();
            unit.level = row.level();
            unit.parentCode = row.parentCode();
            unit.areaType = row.type();
            unit.validTo = row.validTo();
            unit.demo = demo;
            unit.updatedBy = actor;
            unit.updatedAt = now;
            unit.persist();
            for (String successor : row.successorCodes()) {
                // dated: the successor takes over on the day after the old version's last day
                links.link(row.code(), successor, row.validTo().plusDays(1));
            }
        }
        trees.changed();
        if (validityChanged || created > 0) {
            unitsChanged.fire(new UnitsChanged(now));
        }
        return new ImportReport(parsed.rows().size(), created, updated);
    }

    /** Units in force on {@code date}, as a forest rooted at the provinces (or at {@code rootCode}). */
    @Transactional
    public List<UnitNode> tree(LocalDate date, String rootCode) {
        List<AdminUnit> units = AdminUnit.allInForce(date);
        Map<String, List<AdminUnit>> children = new HashMap<>();
        for (AdminUnit unit : units) {
            if (unit.parentCode != null) {
                children.computeIfAbsent(unit.parentCode, k -> new ArrayList<>()).add(unit);
            }
        }
        List<AdminUnit> roots = rootCode == null
                ? units.stream().filter(u -> u.parentCode == null).toList()
                : units.stream().filter(u -> u.code.equals(rootCode)).toList();
        if (rootCode != null && roots.isEmpty()) {
            throw ProblemException.notFound("Area", rootCode + " on " + date);
        }
        return roots.stream().map(root -> node(root, children)).toList();
    }

    @Transactional
    public List<AdminUnit> list(LocalDate date, String level, String parentCode) {
        return AdminUnit.allInForce(date).stream()
                .filter(u -> level == null || u.level.name().equals(level))
                .filter(u -> parentCode == null || parentCode.equals(u.parentCode)).toList();
    }

    @Transactional
    public UnitNode unit(String code, LocalDate date) {
        AdminUnit unit = AdminUnit.inForce(code, date).orElseGet(() -> AdminUnit.<AdminUnit>find(
                "code = ?1 order by validFrom desc", code).firstResult());
        if (unit == null) {
            throw ProblemException.notFound("Area", code);
        }
        // the links of this version only: a reused code's old and new versions have different ones
        List<UnitHistory.Link> dated = links.of(code);
        AdminUnit version = unit;
        List<String> successors = dated.stream().filter(l -> l.code().equals(code) && version.validTo != null
                && l.effectiveOn().equals(version.validTo.plusDays(1))).map(UnitHistory.Link::successorCode)
                .distinct().toList();
        List<String> predecessors = dated.stream().filter(l -> l.successorCode().equals(code)
                && version.inForceOn(l.effectiveOn())).map(UnitHistory.Link::code).distinct().toList();
        List<UnitNode> children = AdminUnit.allInForce(date).stream().filter(u -> code.equals(u.parentCode))
                .map(u -> new UnitNode(u, null, null, null)).toList();
        return new UnitNode(unit, successors, predecessors, children);
    }

    private static UnitNode node(AdminUnit unit, Map<String, List<AdminUnit>> children) {
        List<UnitNode> nodes = children.getOrDefault(unit.code, List.of()).stream()
                .sorted(Comparator.comparing(u -> u.code)).map(child -> node(child, children)).toList();
        return new UnitNode(unit, null, null, nodes.isEmpty() ? null : nodes);
    }

    private static UnitRow row(AdminUnit unit) {
        return new UnitRow(0, unit.code, unit.name, unit.level, unit.parentCode, unit.areaType, unit.validFrom,
                unit.validTo, List.of());
    }
}
