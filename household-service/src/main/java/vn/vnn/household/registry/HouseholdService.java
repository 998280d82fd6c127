package vn.vnn.household.registry;

import vn.vnn.kit.time.VietnamClock;

import vn.vnn.kit.persistence.Versions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.events.household.HouseholdStatusRecognizedV1;
import vn.vnn.household.statistics.Tallies;
import vn.vnn.household.feeds.PartnerEvents;

import jakarta.persistence.EntityManager;
import vn.vnn.household.areas.AdminLevel;
import vn.vnn.household.areas.AdminUnit;
import vn.vnn.household.standards.SurveyCodes.Relationship;
import vn.vnn.kit.problem.Problem;
import vn.vnn.kit.security.PersonalData;
import vn.vnn.kit.security.Roles;
import java.util.List;
import vn.vnn.household.standards.PovertyStandard;
import vn.vnn.household.standards.PovertyStatus;
import vn.vnn.kit.Ids;
import vn.vnn.kit.outbox.Outbox;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.text.Names;
import vn.vnn.kit.security.Caller;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Registering households and recognising their poverty status, always within the caller's areas. */
@ApplicationScoped
public class HouseholdService {

    private final Outbox outbox;
    private final Caller caller;
    private final MemberConflicts conflicts;
    private final AuditLog audit;
    private final EntityManager entityManager;
    private final VietnamClock clock;
    private final Residences residences;
    private final Tallies tallies;
    private final PartnerEvents partners;
    /** The year of the opening list; a household's first POOR recognition after it is newly poor. */
    private final int baselineYear;

    HouseholdService(Outbox outbox, Caller caller, MemberConflicts conflicts, AuditLog audit,
                     EntityManager entityManager, VietnamClock clock, Residences residences, Tallies tallies,
                     PartnerEvents partners,
                     @org.eclipse.microprofile.config.inject.ConfigProperty(name = "vnn.household.statistics.baseline-year",
                             defaultValue = "2022") int baselineYear) {
        this.baselineYear = baselineYear;
        this.clock = clock;
        this.residences = residences;
        this.tallies = tallies;
        this.partners = partners;
        this.outbox = outbox;
        this.caller = caller;
        this.conflicts = conflicts;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    @Transactional
    public HouseholdRecord register(HouseholdSurvey request) {
        List<HouseholdSurvey.Member> members = request.members() == null ? List.of() : request.members();
        if (members.isEmpty()) {
            throw ProblemException.invalid("members", "a household has at least one member, its head");
        }
        Household household = Household.newRegistration(request.communeCode(), caller.actor());
        AdminUnit commune = applyDetails(household, request);
        Map<String, HouseholdMember> holders = holders(members);
        checkMembers(members, true, holders);
        LocalDate today = clock.today();
        household.headFrom(members);
        household.persist();
        residences.registered(household, commune, request.residentSince(), request.preReformCommuneCode(),
                caller.actor());
        for (HouseholdSurvey.Member member : members) {
            join(household, member, today, holders);
        }
        audit(household.id, "REGISTERED", members.size() + " member(s)");
        return view(household);
    }

    /** Changes the household's own data; members change through their own operations. */
    @Transactional
    public HouseholdRecord update(UUID id, HouseholdSurvey request) {
        Household household = find(id);
        if (request.members() != null) {
            throw ProblemException.invalid("members", "members change through /members, not here");
        }
        household.requireActive();
        tallies.touch(household.id);
        Versions.requireGivenAndUnchanged("Household", id, household.version, request.version(), "version");
        String before = household.communeCode;
        Map<String, Object> was = snapshot(household);
        AdminUnit commune = applyDetails(household, request);
        residences.updated(household, commune, request.residentSince(), request.preReformCommuneCode(),
                caller.actor());
        household.updatedAt = clock.now();
        audit.change("HOUSEHOLD", household.id, "UPDATED", caller.actor(), before.equals(household.communeCode)
                ? "details" : "details; commune " + before + " -> " + household.communeCode, was, snapshot(household));
        return view(household);
    }

    public HouseholdRecord addMember(UUID householdId, HouseholdSurvey.Member member) {
        return addMember(householdId, member, null);
    }

    /** Adds a member; {@code expectedVersion}: the household's version the client read (If-Match), if it gave one. */
    @Transactional
    public HouseholdRecord addMember(UUID householdId, HouseholdSurvey.Member member, Long expectedVersion) {
        Household household = find(householdId);
        Versions.requireUnchanged("Household", householdId, household.version, expectedVersion);
        household.requireActive();
        if (member.relationship() == Relationship.HEAD) {
            throw ProblemException.invalid("relationship", "the household already has a head");
        }
        Map<String, HouseholdMember> holders = holders(List.of(member));
        checkMembers(List.of(member), false, holders);
        join(household, member, clock.today(), holders);
        household.memberCount = HouseholdMember.activeOf(household.id).size();
        household.updatedAt = clock.now();
        audit(household.id, "MEMBER_ADDED", member.fullName());
        return view(household);
    }

    /** A member leaves (died, moved away): the row stays, inactive, so the history is kept. */
    public HouseholdRecord memberLeaves(UUID householdId, UUID memberId, LocalDate on) {
        return memberLeaves(householdId, memberId, on, null);
    }

    @Transactional
    public HouseholdRecord memberLeaves(UUID householdId, UUID memberId, LocalDate on, Long expectedVersion) {
        Household household = find(householdId);
        Versions.requireUnchanged("Household", householdId, household.version, expectedVersion);
        household.requireActive();
        HouseholdMember member = activeMember(household, memberId);
        if (member.relationship == Relationship.HEAD) {
            throw ProblemException.conflict("The head of household cannot leave; name another head first");
        }
        boolean wasPending = member.pending;
        member.leave(on, HouseholdMember.LeaveReason.LEFT);
        if (wasPending) {
            conflicts.withdraw(member);
        }
        household.memberCount = HouseholdMember.activeOf(household.id).size();
        household.updatedAt = clock.now();
        audit(household.id, "MEMBER_LEFT", member.fullName + " on " + on);
        return view(household);
    }

    /** Moves a member to another household the caller may change; both households keep the history. */
    public HouseholdRecord moveMember(UUID householdId, UUID memberId, MemberMove move) {
        return moveMember(householdId, memberId, move, null);
    }

    @Transactional
    public HouseholdRecord moveMember(UUID householdId, UUID memberId, MemberMove move, Long expectedVersion) {
        Household from = find(householdId);
        Versions.requireUnchanged("Household", householdId, from.version, expectedVersion);
        Household to = find(move.toHouseholdId());
        from.requireActive();
        to.requireActive();
        if (from.id.equals(to.id)) {
            throw ProblemException.invalid("toHouseholdId", "is the member's own household");
        }
        HouseholdMember member = activeMember(from, memberId);
        if (member.relationship == Relationship.HEAD) {
            throw ProblemException.conflict("The head of household cannot move; name another head first");
        }
        boolean wasPending = member.pending;
        member.leave(move.movedOn(), HouseholdMember.LeaveReason.MOVED);
        member.movedToHouseholdId = to.id;
        entityManager.flush();
        HouseholdMember moved = copy(member, to.id, move.movedOn());
        if (wasPending) {
            // Still waiting for the decision elsewhere: the person waits in the household they moved to.
            moved.active = false;
            moved.pending = true;
        }
        moved.persist();
        if (wasPending) {
            entityManager.flush();
            conflicts.follow(member, moved);
        }
        from.memberCount = HouseholdMember.activeOf(from.id).size();
        to.memberCount = HouseholdMember.activeOf(to.id).size();
        from.updatedAt = clock.now();
        to.updatedAt = from.updatedAt;
        audit(from.id, "MEMBER_MOVED_OUT", member.fullName + " -> " + to.code);
        audit(to.id, "MEMBER_MOVED_IN", member.fullName + " <- " + from.code);
        return view(to);
    }

    /**
     * The household ceases to exist from {@code on} (tách, nhập hộ, chuyển đi hết): it stops counting in the
     * statistics from that day, keeps its history, and changes no more.
     */
    public HouseholdRecord dissolve(UUID id, LocalDate on, String reason) {
        return dissolve(id, on, reason, null);
    }

    @Transactional
    public HouseholdRecord dissolve(UUID id, LocalDate on, String reason, Long expectedVersion) {
        Household household = find(id);
        Versions.requireUnchanged("Household", id, household.version, expectedVersion);
        household.requireActive();
        if (on.isAfter(clock.today())) {
            throw ProblemException.invalid("on", "must not be in the future");
        }
        tallies.touch(household.id);
        residences.dissolved(household, on);
        household.dissolvedOn = on;
        household.dissolutionReason = reason;
        household.updatedAt = clock.now();
        audit(household.id, "DISSOLVED", "on " + on + (reason == null ? "" : ": " + reason));
        return view(household);
    }

    /** Where the household lived, oldest period first. */
    @Transactional
    public List<Residence> residences(UUID id) {
        return Residence.of(find(id).id);
    }

    @Transactional
    public HouseholdRecord get(UUID id) {
        return view(find(id));
    }

    /** Search within the caller's areas by commune, status, a member's name, or an exact citizen ID. */
    @Transactional
    public Page<HouseholdRecord> list(String communeCode, String status, String name, String citizenId,
                                    PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (communeCode != null && !communeCode.isBlank()) {
            where.append(" and h.communeCode = :commune");
            params.put("commune", communeCode);
        }
        if (status != null && !status.isBlank()) {
            PovertyStatus wanted;
            try {
                wanted = PovertyStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "must be one of " + List.of(PovertyStatus.values()));
            }
            where.append(" and h.status = :status");
            params.put("status", wanted);
        }
        if (name != null && !name.isBlank()) {
            where.append(" and exists (select 1 from HouseholdMember m where m.householdId = h.id"
                    + " and (m.active = true or m.pending = true) and lower(m.fullName) like :name)");
            params.put("name", "%" + Names.normalise(name).toLowerCase(java.util.Locale.ROOT) + "%");
        }
        if (citizenId != null && !citizenId.isBlank()) {
            if (!seesPersonalData()) {
                throw new ProblemException(vn.vnn.kit.problem.ProblemType.FORBIDDEN,
                        "Your role does not search by citizen ID");
            }
            where.append(" and exists (select 1 from HouseholdMember m where m.householdId = h.id"
                    + " and (m.active = true or m.pending = true) and m.citizenId = :citizen)");
            params.put("citizen", citizenId.strip());
        }
        AreaScope scope = caller.scope();
        where.append(" and ").append(scope.where("h.communeCode", "h.provinceCode"));
        scope.bind(params);
        long total = Household.count("from Household h where " + where, params);
        List<Household> found = Household.<Household>find("from Household h where " + where
                + " order by h.communeCode, h.id", params).page(page.page(), page.size()).list();
        if (citizenId != null && !citizenId.isBlank()) {
            audit.record("HOUSEHOLD", null, "CITIZEN_ID_SEARCH", caller.actor(),
                    "searched by citizen ID " + PersonalData.maskCitizenId(citizenId.strip()) + ": " + total
                            + " found");
        }
        if (seesPersonalData()) {
            audit.personalDataRead("HOUSEHOLD", found.stream().map(h -> h.id).toList(), caller.actor(),
                    "list: phone");
        }
        return Page.of(found.stream().map(this::summary).toList(), page, total);
    }

    /** Records a recognition, moves the household's status and publishes household.status-recognized.v1. */
    @Transactional
    public StatusRecognition recognise(UUID householdId, RecognitionDecision request) {
        Household household = find(householdId);
        household.requireActive();
        LocalDate today = clock.today();
        if (request.recognizedOn().isAfter(today)) {
            throw ProblemException.invalid("recognizedOn", "must not be in the future");
        }
        if (request.reviewYear() > request.recognizedOn().getYear()) {
            throw ProblemException.invalid("reviewYear", "cannot be later than the year of the decision");
        }
        if (household.statusYear != null && request.reviewYear() < household.statusYear) {
            throw ProblemException.conflict("The household already has a recognition for review year "
                    + household.statusYear + "; an older round cannot replace it");
        }
        String standard = PovertyStandard.applyingOn(request.recognizedOn()).map(s -> s.code)
                .orElseThrow(() -> ProblemException.invalid("recognizedOn",
                        "no poverty standard applies on " + request.recognizedOn()));
        tallies.touch(household.id);
        PovertyStatus previous = household.status;
        StatusTransition transition = StatusTransition.of(previous, request.status(), household.everPoor,
                request.reviewYear() > baselineYear);

        StatusRecognition recognition = new StatusRecognition();
        recognition.id = Ids.newId();
        recognition.householdId = household.id;
        recognition.reviewYear = request.reviewYear();
        recognition.status = request.status();
        recognition.previousStatus = previous;
        recognition.transition = transition;
        recognition.standard = standard;
        recognition.recognizedOn = request.recognizedOn();
        recognition.decisionNo = request.decisionNo();
        recognition.recordedBy = caller.actor();
        recognition.recordedAt = clock.now();
        recognition.persist();

        household.status = request.status();
        household.statusYear = request.reviewYear();
        household.statusTransition = transition;
        household.everPoor = household.everPoor || request.status() == PovertyStatus.POOR;
        household.updatedAt = recognition.recordedAt;

        UUID event = outbox.publish("household", household.id.toString(), new HouseholdStatusRecognizedV1(
                household.id.toString(), household.code, household.communeCode, household.provinceCode,
                household.areaType, request.status().name(), previous == null ? null : previous.name(),
                transition.name(), standard, request.reviewYear(), request.recognizedOn(), request.decisionNo(),
                household.memberCount, recognition.recordedBy));
        partners.record(event, PartnerEvents.STATUS_RECOGNIZED, recognition.recordedAt, household.communeCode,
                household.provinceCode, partnerView(recognition, household));
        return recognition;
    }

    /** The recognition as partners are told it: status and area, no personal data. */
    private static Map<String, Object> partnerView(StatusRecognition r, Household h) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("householdId", h.id);
        view.put("communeCode", h.communeCode);
        view.put("provinceCode", h.provinceCode);
        view.put("status", r.status.name());
        view.put("previousStatus", r.previousStatus == null ? null : r.previousStatus.name());
        view.put("transition", r.transition.name());
        view.put("reviewYear", r.reviewYear);
        view.put("recognizedOn", r.recognizedOn);
        view.put("decisionNo", r.decisionNo);
        return view;
    }

    @Transactional
    public java.util.List<StatusRecognition> history(UUID householdId) {
        Household household = find(householdId);
        return StatusRecognition.<StatusRecognition>find("householdId = ?1 order by recognizedOn, recordedAt",
                household.id).list();
    }

    /** The household, if the caller may see it; for other use cases that read a household. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Household visible(UUID id) {
        return find(id);
    }

    /** A household the caller may see; others are "not found", whatever their id. */
    private Household find(UUID id) {
        Household household = Household.findById(id);
        if (household == null) {
            throw ProblemException.notFound("Household", id);
        }
        caller.requireArea("Household", id, household.communeCode, household.provinceCode);
        return household;
    }

    private AdminUnit applyDetails(Household household, HouseholdSurvey request) {
        AdminUnit commune = AdminUnit.inForce(request.communeCode(), clock.today())
                .filter(unit -> unit.level == AdminLevel.COMMUNE)
                .orElseThrow(() -> ProblemException.invalid("communeCode", "is no commune in force today"));
        String province = AdminUnit.provinceOf(commune.code, clock.today());
        if (!caller.scope().covers(commune.code, province)) {
            throw ProblemException.invalid("communeCode", "is outside the areas you work in");
        }
        if (request.villageCode() != null && AdminUnit.inForce(request.villageCode(), clock.today())
                .filter(v -> v.level == AdminLevel.VILLAGE && commune.code.equals(v.parentCode)).isEmpty()) {
            throw ProblemException.invalid("villageCode", "is no village of commune " + commune.code);
        }
        household.applySurvey(request, commune, province);
        household.updatedAt = clock.now();
        return commune;
    }

    /** The active members elsewhere holding the citizen IDs these members give. */
    private static Map<String, HouseholdMember> holders(List<HouseholdSurvey.Member> members) {
        return HouseholdMember.activeWithCitizenIds(members.stream().map(HouseholdSurvey.Member::citizenId)
                .filter(id -> id != null && !id.isBlank()).distinct().toList());
    }

    /**
     * The members' own rules; a citizen ID held elsewhere is an error only where the caller may see that household.
     * Elsewhere the caller is answered as if there were no conflict (see {@link MemberConflicts}).
     */
    private void checkMembers(List<HouseholdSurvey.Member> members, boolean wholeHousehold,
                              Map<String, HouseholdMember> holders) {
        List<Problem.FieldError> errors = MemberRules.problems(members, wholeHousehold,
                id -> holders.containsKey(id) && sees(holders.get(id)));
        if (!errors.isEmpty()) {
            throw new ProblemException(vn.vnn.kit.problem.ProblemType.VALIDATION, "The members are not valid",
                    errors);
        }
    }

    /** A new member: pending, with an open conflict, when the citizen ID's holder is out of the caller's sight. */
    private void join(Household household, HouseholdSurvey.Member member, LocalDate on,
                      Map<String, HouseholdMember> holders) {
        HouseholdMember joining = HouseholdMember.joining(household.id, member, on);
        HouseholdMember holder = joining.citizenId == null ? null : holders.get(joining.citizenId);
        if (holder != null) {
            joining.active = false;
            joining.pending = true;
        }
        joining.persist();
        if (holder != null) {
            entityManager.flush();
            conflicts.open(joining, holder, caller.actor());
        }
    }

    private boolean sees(HouseholdMember holder) {
        Household household = Household.findById(holder.householdId);
        return household != null && caller.scope().covers(household.communeCode, household.provinceCode);
    }

    /** The member as they join another household: the same person, relationship to be set there. */
    private static HouseholdMember copy(HouseholdMember m, UUID householdId, LocalDate joinedOn) {
        return HouseholdMember.joining(householdId, new HouseholdSurvey.Member(m.fullName, m.birthDate, m.sex,
                Relationship.OTHER, m.citizenId, m.healthInsurance, m.schoolStatus, m.educationLevel, m.diploma,
                m.disability, m.workingCapacity, m.employment), joinedOn);
    }

    private static HouseholdMember activeMember(Household household, UUID memberId) {
        HouseholdMember member = HouseholdMember.findById(memberId);
        if (member == null || !member.householdId.equals(household.id) || !member.inHousehold()) {
            throw ProblemException.notFound("Member", memberId);
        }
        return member;
    }

    /** Commune officers and admins work with citizen IDs and phones; everyone else sees them masked. */
    private boolean seesPersonalData() {
        return caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.COMMUNE_OFFICER);
    }

    private HouseholdRecord view(Household household) {
        boolean full = seesPersonalData();
        if (full) {
            audit.personalDataRead("HOUSEHOLD", List.of(household.id), caller.actor(), "citizen IDs, phone");
        }
        return new HouseholdRecord(household, HouseholdMember.historyOf(household.id), full, full);
    }

    private HouseholdRecord summary(Household household) {
        return new HouseholdRecord(household, null, false, seesPersonalData());
    }

    /** The household's own data for the audit trail, phone and address masked. */
    private static Map<String, Object> snapshot(Household h) {
        Map<String, Object> snapshot = new java.util.LinkedHashMap<>();
        snapshot.put("communeCode", h.communeCode);
        snapshot.put("villageCode", h.villageCode);
        snapshot.put("address", PersonalData.maskAddress(h.address));
        snapshot.put("phone", PersonalData.maskPhone(h.phone));
        snapshot.put("ethnicMinority", h.ethnicMinority);
        snapshot.put("revolutionaryMerit", h.revolutionaryMerit);
        snapshot.put("monthlyIncomeVnd", h.monthlyIncomeVnd);
        snapshot.put("floorAreaM2", h.floorAreaM2);
        snapshot.put("wallMaterial", h.wallMaterial);
        snapshot.put("columnMaterial", h.columnMaterial);
        snapshot.put("roofMaterial", h.roofMaterial);
        snapshot.put("waterSource", h.waterSource);
        snapshot.put("latrineType", h.latrineType);
        snapshot.put("telecomUse", h.telecomUse);
        snapshot.put("informationDevices", h.informationDevices);
        snapshot.put("causesOfPoverty", h.causesOfPoverty);
        snapshot.put("version", h.version);
        return snapshot;
    }

    private void audit(UUID householdId, String action, String detail) {
        audit.record("HOUSEHOLD", householdId, action, caller.actor(), detail);
    }
}
