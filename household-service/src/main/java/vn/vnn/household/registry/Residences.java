package vn.vnn.household.registry;

import vn.vnn.household.areas.AdminLevel;
import vn.vnn.household.areas.AdminUnit;
import vn.vnn.household.areas.UnitHistory;
import vn.vnn.household.areas.UnitLinks;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.time.VietnamClock;

import vn.vnn.household.statistics.Tallies;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;

/**
 * Keeps each household's residence history (docs/domain-rules.md, statistics rule 1): the first period at
 * registration, a new stay on a move to another commune, the end on dissolution.
 */
@ApplicationScoped
public class Residences {

    private final UnitLinks links;
    private final VietnamClock clock;
    private final Tallies tallies;

    Residences(UnitLinks links, VietnamClock clock, Tallies tallies) {
        this.links = links;
        this.clock = clock;
        this.tallies = tallies;
    }

    /** The first period of a household just registered in {@code commune}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(Household household, AdminUnit commune, LocalDate residentSince, String preReformCommune,
                           String actor) {
        first(household, commune, residentSince, preReformCommune, actor).persist();
    }

    /** The first period, not yet persisted (bulk imports persist them in batches). */
    public Residence first(Household household, AdminUnit commune, LocalDate residentSince, String preReformCommune,
                           String actor) {
        Residence first = Residence.starting(household.id, 1, Residence.Reason.REGISTERED, residentSince, actor,
                clock.now());
        place(first, household, commune, preReformCommune);
        tallies.added(java.util.List.of(household.id));
        return first;
    }

    /**
     * After the household's data changed: another commune is a move from {@code residentSince} (default today);
     * the same commune keeps the period, with the village and the commune before the reorganisation corrected.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(Household household, AdminUnit commune, LocalDate residentSince, String preReformCommune,
                        String actor) {
        Residence current = Residence.current(household.id).orElse(null);
        if (current == null) {
            registered(household, commune, residentSince, preReformCommune, actor);
            return;
        }
        if (current.communeCode.equals(commune.code) && current.unitValidFrom.equals(commune.validFrom)) {
            boolean first = Residence.count("householdId = ?1 and id <> ?2", household.id, current.id) == 0;
            if (residentSince != null && !residentSince.equals(current.validFrom)) {
                if (!first) {
                    throw ProblemException.invalid("residentSince", "the day of the household's last move ("
                            + current.validFrom + ") is not changed by an update; it stays in commune "
                            + commune.code);
                }
                current.validFrom = residentSince;
            }
            place(current, household, commune, preReformCommune == null ? current.preReformCommuneCode
                    : preReformCommune);
            return;
        }
        LocalDate movedOn = residentSince == null ? clock.today() : residentSince;
        if (current.validFrom != null && !movedOn.isAfter(current.validFrom)) {
            throw ProblemException.invalid("residentSince", "the move must come after the household settled in "
                    + current.communeCode + " on " + current.validFrom);
        }
        current.validTo = movedOn.minusDays(1);
        Residence moved = Residence.starting(household.id, current.stay + 1, Residence.Reason.MOVED, movedOn, actor,
                clock.now());
        place(moved, household, commune, preReformCommune);
        moved.persist();
    }

    /** The household no longer exists from {@code on}: its last period ends the day before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dissolved(Household household, LocalDate on) {
        Residence.current(household.id).ifPresent(current -> {
            if (current.validFrom != null && !on.isAfter(current.validFrom)) {
                throw ProblemException.invalid("on", "must come after the household settled in "
                        + current.communeCode + " on " + current.validFrom);
            }
            current.validTo = on.minusDays(1);
        });
    }

    private void place(Residence residence, Household household, AdminUnit commune, String preReformCommune) {
        residence.communeCode = commune.code;
        residence.unitValidFrom = commune.validFrom;
        residence.provinceCode = household.provinceCode;
        residence.villageCode = household.villageCode;
        residence.preReformCommuneCode = preReformCommune == null ? null : formedFrom(commune, preReformCommune);
    }

    /** The recorded commune before the reorganisation must be one of those the commune was formed from. */
    private String formedFrom(AdminUnit commune, String preReformCommune) {
        preReformProblem(commune, preReformCommune).ifPresent(problem -> {
            throw ProblemException.invalid("preReformCommuneCode", problem);
        });
        return preReformCommune;
    }

    /** What is wrong with a recorded commune before the reorganisation, if anything. */
    public java.util.Optional<String> preReformProblem(AdminUnit commune, String preReformCommune) {
        if (preReformCommune == null) {
            return java.util.Optional.empty();
        }
        List<String> formed = links.of(commune.code).stream()
                .filter(l -> l.successorCode().equals(commune.code) && commune.inForceOn(l.effectiveOn()))
                .filter(l -> AdminUnit.inForce(l.code(), l.effectiveOn().minusDays(1))
                        .filter(u -> u.level == AdminLevel.COMMUNE).isPresent())
                .map(UnitHistory.Link::code).distinct().sorted().toList();
        if (formed.contains(preReformCommune)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(formed.isEmpty() ? "commune " + commune.code
                + " was not formed from other communes" : "must be one of the communes that formed "
                + commune.code + ": " + formed);
    }
}
