package vn.vnn.household.registry;

import vn.vnn.kit.time.VietnamClock;

import vn.vnn.kit.persistence.Versions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.household.standards.SurveyCodes.Relationship;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The queue of citizen-ID conflicts that the registering side may not see (MemberConflict): opened by registrations
 * and imports, read and decided by admins and the province officers whose areas hold the other household.
 */
@ApplicationScoped
public class MemberConflicts {

    private final Caller caller;
    private final AuditLog audit;
    private final EntityManager entityManager;
    private final VietnamClock clock;

    MemberConflicts(Caller caller, AuditLog audit, EntityManager entityManager, VietnamClock clock) {
        this.clock = clock;
        this.caller = caller;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    /** A registered member waits for the decision on the citizen ID that {@code holder} holds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(HouseholdMember pending, HouseholdMember holder, String registeredBy) {
        MemberConflict conflict = MemberConflict.open(pending, holder, registeredBy);
        conflict.persist();
        audit.record("MEMBER_CONFLICT", conflict.id, "OPENED", registeredBy, "household " + pending.householdId
                + " registered a citizen ID held in household " + holder.householdId);
    }

    /** The registering side took the waiting member out of the household: nothing is left to decide. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(HouseholdMember pending) {
        MemberConflict.openFor(pending.id).ifPresent(conflict -> {
            conflict.resolve(MemberConflict.Outcome.WITHDRAWN, "the member left the household", caller.actor());
            audit.record("MEMBER_CONFLICT", conflict.id, "WITHDRAWN", caller.actor(), null);
        });
    }

    /** The waiting member moved to another household of the same caller: the conflict waits there. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(HouseholdMember from, HouseholdMember to) {
        MemberConflict.openFor(from.id).ifPresent(conflict -> {
            conflict.pendingMemberId = to.id;
            conflict.newHouseholdId = to.householdId;
        });
    }

    /** The conflicts whose other household the caller reaches, oldest first. */
    @Transactional
    public Page<ConflictRecord> list(MemberConflict.Status status, PageRequest page) {
        StringBuilder where = new StringBuilder("c.status = :status");
        Map<String, Object> params = new HashMap<>();
        params.put("status", status == null ? MemberConflict.Status.OPEN : status);
        AreaScope scope = caller.scope();
        if (!scope.national()) {
            where.append(" and exists (select 1 from Household h where h.id = c.existingHouseholdId and "
                    + scope.where("h.communeCode", "h.provinceCode") + ")");
            scope.bind(params);
        }
        long total = MemberConflict.count("from MemberConflict c where " + where, params);
        List<MemberConflict> found = MemberConflict.<MemberConflict>find("from MemberConflict c where " + where
                + " order by c.registeredAt, c.id", params).page(page.page(), page.size()).list();
        recordRead(found);
        return Page.of(found.stream().map(this::view).toList(), page, total);
    }

    @Transactional
    public ConflictRecord get(UUID id) {
        MemberConflict conflict = find(id);
        recordRead(List.of(conflict));
        return view(conflict);
    }

    /**
     * MOVE: the person leaves the other household (moved to the new one) and becomes active where they were
     * registered. REJECT: the registration of the person is refused; the registering side sees the member as
     * REGISTRATION_REJECTED.
     */
    @Transactional
    public ConflictRecord resolve(UUID id, MemberConflict.Outcome outcome, String note, Long version) {
        MemberConflict conflict = find(id);
        Versions.requireUnchanged("Member conflict", id, conflict.version, version);
        if (conflict.status != MemberConflict.Status.OPEN) {
            throw ProblemException.conflict("The conflict was already decided: " + conflict.outcome);
        }
        if (outcome == null || outcome == MemberConflict.Outcome.WITHDRAWN) {
            throw ProblemException.invalid("outcome", "must be MOVE or REJECT");
        }
        LocalDate today = clock.today();
        HouseholdMember pending = HouseholdMember.findById(conflict.pendingMemberId);
        Household registering = Household.findById(conflict.newHouseholdId);
        if (outcome == MemberConflict.Outcome.MOVE) {
            HouseholdMember holder = HouseholdMember.findById(conflict.existingMemberId);
            if (holder.active) {
                if (holder.relationship == Relationship.HEAD) {
                    throw ProblemException.conflict("The person heads household " + conflict.existingHouseholdId
                            + "; name another head there first");
                }
                holder.leave(today, HouseholdMember.LeaveReason.MOVED);
                holder.movedToHouseholdId = conflict.newHouseholdId;
                Household old = Household.findById(conflict.existingHouseholdId);
                entityManager.flush();
                old.memberCount = HouseholdMember.activeOf(old.id).size();
                old.updatedAt = clock.now(); // a new version: its member list changed
                audit.record("HOUSEHOLD", old.id, "MEMBER_MOVED_OUT", caller.actor(),
                        "member " + holder.id + " moved to household " + conflict.newHouseholdId
                                + " (conflict " + conflict.id + ")");
            } else if (HouseholdMember.activeWithCitizenId(conflict.citizenId).isPresent()) {
                throw ProblemException.conflict("Another household now holds the citizen ID; decide that first");
            }
            pending.pending = false;
            pending.active = true;
            registering.updatedAt = clock.now();
            audit.record("HOUSEHOLD", registering.id, "MEMBER_CONFIRMED", caller.actor(),
                    "member " + pending.id + " (conflict " + conflict.id + ")");
        } else {
            pending.leave(today, HouseholdMember.LeaveReason.REGISTRATION_REJECTED);
            entityManager.flush();
            registering.memberCount = HouseholdMember.activeOf(registering.id).size();
            registering.updatedAt = clock.now();
            audit.record("HOUSEHOLD", registering.id, "MEMBER_REJECTED", caller.actor(),
                    "member " + pending.id + " (conflict " + conflict.id + ")");
        }
        conflict.resolve(outcome, note == null || note.isBlank() ? null : note.strip(), caller.actor());
        audit.record("MEMBER_CONFLICT", conflict.id, "RESOLVED", caller.actor(), outcome + ": " + conflict.note);
        entityManager.flush();
        return view(conflict);
    }

    private MemberConflict find(UUID id) {
        MemberConflict conflict = MemberConflict.findById(id);
        Household existing = conflict == null ? null : Household.findById(conflict.existingHouseholdId);
        if (existing == null || !caller.scope().covers(existing.communeCode, existing.provinceCode)) {
            throw ProblemException.notFound("Member conflict", id);
        }
        return conflict;
    }

    private boolean seesCitizenIds() {
        return caller.hasRole(Roles.ADMIN);
    }

    private void recordRead(List<MemberConflict> conflicts) {
        if (seesCitizenIds()) {
            audit.personalDataRead("MEMBER_CONFLICT", conflicts.stream().map(c -> c.id).toList(), caller.actor(),
                    "citizen ID");
        }
    }

    private ConflictRecord view(MemberConflict c) {
        return new ConflictRecord(c, HouseholdMember.findById(c.pendingMemberId), Household.findById(c.newHouseholdId),
                HouseholdMember.findById(c.existingMemberId), Household.findById(c.existingHouseholdId),
                seesCitizenIds());
    }
}
