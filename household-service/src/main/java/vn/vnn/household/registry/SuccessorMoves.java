package vn.vnn.household.registry;

import vn.vnn.household.areas.AdminLevel;
import vn.vnn.household.areas.AdminUnit;
import vn.vnn.household.areas.UnitHistory;
import vn.vnn.household.areas.UnitLinks;
import vn.vnn.household.statistics.Tallies;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.time.VietnamClock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Moves the households still registered under a commune that no longer exists to its successor (docs/domain-rules.md,
 * statistics rule 5): each by its village (thôn, tổ dân phố moved whole into one new commune), or to the only
 * successor of a merged commune; a household of a split commune whose village does not decide is left where it is
 * and listed. The move continues the household's stay (a reorganisation, not a move of the household), so its
 * history and statistics stay as they were, while listings and commune officers' scope reach it under the new code.
 */
@ApplicationScoped
public class SuccessorMoves {

    /** What a run did (or, dry, would do). */
    public record Outcome(String communeCode, LocalDate endedOn, boolean dryRun, int moved,
                          Map<String, Integer> movedTo, List<NotMoved> notMoved) {
    }

    /** A household left under the old code, and why. */
    public record NotMoved(UUID householdId, String householdCode, String villageCode, String reason) {
    }

    private final UnitLinks links;
    private final Caller caller;
    private final AuditLog audit;
    private final VietnamClock clock;
    private final Tallies tallies;

    SuccessorMoves(UnitLinks links, Caller caller, AuditLog audit, VietnamClock clock, Tallies tallies) {
        this.tallies = tallies;
        this.links = links;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Outcome move(String communeCode, boolean dryRun) {
        LocalDate today = clock.today();
        List<AdminUnit> ended = AdminUnit.<AdminUnit>list("code = ?1 and level = ?2 and validTo < ?3 order by validFrom",
                communeCode, AdminLevel.COMMUNE, today);
        if (ended.isEmpty()) {
            throw ProblemException.notFound("Ended commune", communeCode);
        }
        String actor = caller.actor();
        OffsetDateTime now = clock.now();
        int moved = 0;
        Map<String, Integer> movedTo = new TreeMap<>();
        List<NotMoved> notMoved = new ArrayList<>();
        for (AdminUnit version : ended) {
            List<Residence> staying = Residence.currentIn(version.code, version.validFrom);
            if (!dryRun) {
                tallies.touch(staying.stream().map(r -> r.householdId).toList());
            }
            UnitHistory history = links.history(staying.stream().map(r -> r.villageCode).toList());
            UnitHistory.Version old = history.version(version.code, version.validFrom).orElseThrow();
            for (Residence residence : staying) {
                Household household = Household.findById(residence.householdId);
                if (household == null || household.dissolvedOn != null) {
                    continue;
                }
                var village = history.villageOn(old, residence.villageCode, today);
                var successor = village.flatMap(v -> history.inForce(v.parentCode(), today))
                        .or(() -> history.successorOn(old, today))
                        .filter(v -> v.level() == AdminLevel.COMMUNE);
                if (successor.isEmpty()) {
                    notMoved.add(new NotMoved(household.id, household.code, residence.villageCode,
                            residence.villageCode == null
                                    ? "no village recorded, and the commune went into several communes"
                                    : "the village does not tell which successor commune it went into"));
                    continue;
                }
                String target = successor.get().code();
                moved++;
                movedTo.merge(target, 1, Integer::sum);
                if (!dryRun) {
                    moveOne(household, residence, version, successor.get(), village.map(UnitHistory.Version::code)
                            .orElse(null), actor, now);
                }
            }
        }
        if (!dryRun) {
            audit.record("AREA", communeCode, "HOUSEHOLDS_MOVED_TO_SUCCESSORS", actor, moved + " moved " + movedTo
                    + ", " + notMoved.size() + " left under the old code");
        }
        return new Outcome(communeCode, ended.get(ended.size() - 1).validTo, dryRun, moved, movedTo, notMoved);
    }

    private void moveOne(Household household, Residence residence, AdminUnit old, UnitHistory.Version successor,
                         String village, String actor, OffsetDateTime now) {
        AdminUnit commune = AdminUnit.inForce(successor.code(), clock.today()).orElseThrow();
        LocalDate from = old.validTo.plusDays(1);
        if (residence.validFrom != null && !residence.validFrom.isBefore(from)) {
            from = residence.validFrom;
            residence.delete();
        } else {
            residence.validTo = from.minusDays(1);
        }
        Residence next = Residence.starting(household.id, residence.stay, Residence.Reason.REORGANISED, from, actor,
                now);
        String province = AdminUnit.provinceOf(commune.code, clock.today());
        next.communeCode = commune.code;
        next.unitValidFrom = commune.validFrom;
        next.provinceCode = province;
        next.villageCode = village;
        next.preReformCommuneCode = old.code;
        next.persist();
        String before = household.communeCode + (household.villageCode == null ? "" : "/" + household.villageCode);
        household.communeCode = commune.code;
        household.provinceCode = province;
        household.areaType = commune.areaType.name();
        household.villageCode = village;
        household.updatedAt = now;
        audit.record("HOUSEHOLD", household.id, "MOVED_TO_SUCCESSOR", actor, before + " -> " + commune.code
                + (village == null ? "" : "/" + village) + " from " + from);
    }
}
