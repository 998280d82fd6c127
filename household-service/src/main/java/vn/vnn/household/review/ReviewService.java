package vn.vnn.household.review;

import vn.vnn.kit.time.VietnamClock;

import vn.vnn.household.registry.AssessmentService;
import vn.vnn.household.registry.HouseholdService;
import vn.vnn.household.standards.PovertyStandardService;

import jakarta.enterprise.context.ApplicationScoped;
import vn.vnn.household.statistics.Tallies;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.household.registry.Assessment;
import vn.vnn.household.registry.RecognitionDecision;
import vn.vnn.household.review.ReviewCommands.Complaint;
import vn.vnn.household.review.ReviewCommands.Listing;
import vn.vnn.household.review.ReviewCommands.VillageMeeting;
import vn.vnn.household.review.ReviewCommands.Posting;
import vn.vnn.household.review.ReviewCommands.RecognitionStep;
import vn.vnn.household.review.ReviewCommands.OpenRound;
import vn.vnn.household.review.ReviewCommands.Survey;
import vn.vnn.household.areas.AdminLevel;
import vn.vnn.household.areas.AdminUnit;
import vn.vnn.household.areas.AreaType;
import vn.vnn.household.standards.DeprivationRules;
import vn.vnn.household.registry.Household;
import vn.vnn.household.standards.Indicator;
import vn.vnn.household.standards.PovertyClassifier;
import vn.vnn.household.review.ReviewWorkflow.State;
import vn.vnn.household.review.ReviewWorkflow.Step;
import vn.vnn.household.standards.StandardRules;
import vn.vnn.kit.Ids;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.persistence.Versions;
import vn.vnn.kit.security.Caller;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Review rounds and the step-by-step case of each household, up to the chairman's recognition. */
@ApplicationScoped
public class ReviewService {

    private final Caller caller;
    private final EntityManager entityManager;
    private final AssessmentService assessments;
    private final PovertyStandardService standards;
    private final HouseholdService households;
    private final VietnamClock clock;
    private final Tallies tallies;

    ReviewService(Caller caller, EntityManager entityManager, AssessmentService assessments,
                  PovertyStandardService standards, HouseholdService households, VietnamClock clock,
                  Tallies tallies) {
        this.clock = clock;
        this.tallies = tallies;
        this.caller = caller;
        this.entityManager = entityManager;
        this.assessments = assessments;
        this.standards = standards;
        this.households = households;
    }

    @Transactional
    public ReviewRound createRound(OpenRound request) {
        LocalDate[] window;
        try {
            window = ReviewWorkflow.window(request.kind(), request.reviewYear(), request.opensOn());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("opensOn", e.getMessage());
        }
        AdminUnit commune = AdminUnit.inForce(request.communeCode(), window[0])
                .filter(u -> u.level == AdminLevel.COMMUNE)
                .orElseThrow(() -> ProblemException.invalid("communeCode", "is no commune in force on " + window[0]));
        if (!caller.scope().covers(commune.code)) {
            throw ProblemException.invalid("communeCode", "is outside the areas you work in");
        }
        if (request.kind() == ReviewWorkflow.Kind.PERIODIC && ReviewRound.count(
                "communeCode = ?1 and reviewYear = ?2 and kind = ?3", commune.code, request.reviewYear(),
                ReviewWorkflow.Kind.PERIODIC) > 0) {
            throw ProblemException.conflict("Commune " + commune.code + " already has a periodic round for "
                    + request.reviewYear());
        }
        ReviewRound round = new ReviewRound();
        round.id = Ids.newId();
        round.communeCode = commune.code;
        round.kind = request.kind();
        round.reviewYear = request.reviewYear();
        round.opensOn = window[0];
        round.closesOn = window[1];
        round.postingDays = request.postingDays();
        round.complaintDays = request.complaintDays();
        round.workingDays = request.workingDays() == null || request.workingDays();
        round.decidesYear = ReviewWorkflow.decidesYear(request.kind(), request.reviewYear());
        round.standardCode = request.standardCode() != null ? standards.rules(request.standardCode()).code()
                : standards.rulesOn(LocalDate.of(round.decidesYear, 1, 1)).map(StandardRules::code)
                .orElseThrow(() -> ProblemException.invalid("standardCode", "no poverty standard is in force on 1 "
                        + "January " + round.decidesYear + "; name one"));
        round.createdBy = caller.actor();
        round.createdAt = clock.now();
        round.updatedAt = round.createdAt;
        round.provinceCode = AdminUnit.provinceOf(commune.code, round.opensOn);
        round.persist();
        return round;
    }

    @Transactional
    public ReviewRound round(UUID id) {
        return findRound(id);
    }

    /** Lists households in the round (LISTED); those already listed are left as they are. */
    @Transactional
    public List<ReviewCase> list(UUID roundId, Listing request) {
        ReviewRound round = findRound(roundId);
        List<UUID> ids = request == null || request.householdIds() == null
                ? Household.<Household>list("communeCode = ?1 and dissolvedOn is null", round.communeCode).stream()
                .map(h -> h.id).toList()
                : request.householdIds();
        for (int i = 0; i < ids.size(); i++) {
            Household household = Household.findById(ids.get(i));
            if (household == null || !household.communeCode.equals(round.communeCode)) {
                throw ProblemException.invalid("householdIds[" + i + "]", "is no household of commune "
                        + round.communeCode);
            }
            if (household.dissolvedOn != null) {
                throw ProblemException.invalid("householdIds[" + i + "]", "was dissolved on " + household.dissolvedOn);
            }
            if (ReviewCase.count("roundId = ?1 and householdId = ?2", round.id, household.id) == 0) {
                ReviewCase c = new ReviewCase();
                c.id = Ids.newId();
                c.roundId = round.id;
                c.householdId = household.id;
                c.state = State.LISTED;
                c.updatedAt = clock.now();
                c.persist();
                step(c, null, "listed");
            }
        }
        return cases(roundId);
    }

    @Transactional
    public List<ReviewCase> cases(UUID roundId) {
        ReviewRound round = findRound(roundId);
        return ReviewCase.<ReviewCase>list("roundId = ?1 order by id", round.id);
    }

    @Transactional
    public ReviewCase get(UUID caseId) {
        return findCase(caseId);
    }

    @Transactional
    public ReviewCase survey(UUID caseId, Survey request) {
        return survey(caseId, request, null);
    }

    @Transactional
    public ReviewCase survey(UUID caseId, Survey request, Long expectedVersion) {
        ReviewCase c = findCase(caseId);
        Versions.requireUnchanged("Review case", caseId, c.version, expectedVersion);
        // the deprivations found count in the statistics of the round's year
        tallies.touch(c.householdId);
        ReviewRound round = ReviewRound.findById(c.roundId);
        State next = advance(c, Step.SURVEY);
        if (request.surveyedOn().isBefore(round.opensOn) || request.surveyedOn().isAfter(round.closesOn)) {
            throw ProblemException.invalid("surveyedOn", "must be within the round, " + round.opensOn + " … "
                    + round.closesOn);
        }
        StandardRules rules = standards.rules(round.standardCode);
        Assessment assessment = assessments.assess(c.householdId, request.surveyedOn(), rules);
        Set<Indicator> deprived = EnumSet.noneOf(Indicator.class);
        assessment.flags().stream().filter(f -> Boolean.TRUE.equals(f.deprived()))
                .map(DeprivationRules.Flag::indicator).forEach(deprived::add);
        List<String> added = request.additionalDeprivations() == null ? List.of() : request.additionalDeprivations();
        for (int i = 0; i < added.size(); i++) {
            Indicator indicator;
            try {
                indicator = Indicator.valueOf(added.get(i));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("additionalDeprivations[" + i + "]", "unknown indicator " + added.get(i));
            }
            if (!rules.indicators().contains(indicator)) {
                throw ProblemException.invalid("additionalDeprivations[" + i + "]", rules.code() + " has no indicator "
                        + indicator);
            }
            deprived.add(indicator);
        }
        Long income = request.incomePerCapitaVnd() != null ? request.incomePerCapitaVnd()
                : assessment.monthlyIncomePerCapitaVnd();
        if (income == null) {
            throw ProblemException.invalid("incomePerCapitaVnd", "the household has no recorded income; give it");
        }
        Household household = Household.findById(c.householdId);
        PovertyClassifier.Result result = PovertyClassifier.classify(rules, AreaType.valueOf(household.areaType),
                new PovertyClassifier.Income(income), deprived);
        c.proposedStatus = result.classification();
        c.incomePerCapitaVnd = income;
        c.deprivations = deprived.stream().map(Enum::name).collect(Collectors.joining(","));
        c.surveyedOn = request.surveyedOn();
        return moved(c, next, "surveyed: " + result.classification() + ", " + deprived.size() + " deprivation(s)");
    }

    @Transactional
    public ReviewCase villageMeeting(UUID caseId, VillageMeeting request) {
        return villageMeeting(caseId, request, null);
    }

    @Transactional
    public ReviewCase villageMeeting(UUID caseId, VillageMeeting request, Long expectedVersion) {
        ReviewCase c = findCase(caseId);
        Versions.requireUnchanged("Review case", caseId, c.version, expectedVersion);
        State next = advance(c, Step.VILLAGE_MEETING);
        if (request.heldOn().isBefore(c.surveyedOn)) {
            throw ProblemException.invalid("heldOn", "cannot be before the survey (" + c.surveyedOn + ")");
        }
        c.meetingOn = request.heldOn();
        c.meetingMinutesNo = request.minutesNo();
        return moved(c, next, "village meeting agreed, minutes " + request.minutesNo());
    }

    @Transactional
    public ReviewCase post(UUID caseId, Posting request) {
        return post(caseId, request, null);
    }

    @Transactional
    public ReviewCase post(UUID caseId, Posting request, Long expectedVersion) {
        ReviewCase c = findCase(caseId);
        Versions.requireUnchanged("Review case", caseId, c.version, expectedVersion);
        ReviewRound round = ReviewRound.findById(c.roundId);
        State next = advance(c, Step.POST);
        if (request.postedOn().isBefore(c.meetingOn)) {
            throw ProblemException.invalid("postedOn", "cannot be before the village meeting (" + c.meetingOn + ")");
        }
        c.postedOn = request.postedOn();
        c.complaintsUntil = ReviewCalendar.complaintsUntil(c.postedOn, round.postingDays, round.complaintDays,
                round.workingDays, PublicHoliday.between(c.postedOn, c.postedOn.plusDays(
                        3L * (round.postingDays + round.complaintDays) + 60)));
        return moved(c, next, "posted; complaints until " + c.complaintsUntil);
    }

    @Transactional
    public ReviewCase complaint(UUID caseId, Complaint request) {
        return complaint(caseId, request, null);
    }

    @Transactional
    public ReviewCase complaint(UUID caseId, Complaint request, Long expectedVersion) {
        ReviewCase c = findCase(caseId);
        Versions.requireUnchanged("Review case", caseId, c.version, expectedVersion);
        State next = advance(c, Step.COMPLAINT);
        if (request.receivedOn().isAfter(c.complaintsUntil)) {
            throw ProblemException.invalid("receivedOn", "the complaint period ended on " + c.complaintsUntil);
        }
        c.complaints++;
        c.meetingOn = null;
        c.meetingMinutesNo = null;
        c.postedOn = null;
        c.complaintsUntil = null;
        return moved(c, next, "complaint: " + request.summary());
    }

    /** The chairman's recognition: fixes the household's status for the year and publishes the event. */
    @Transactional
    public ReviewCase recognise(UUID caseId, RecognitionStep request) {
        return recognise(caseId, request, null);
    }

    @Transactional
    public ReviewCase recognise(UUID caseId, RecognitionStep request, Long expectedVersion) {
        ReviewCase c = findCase(caseId);
        Versions.requireUnchanged("Review case", caseId, c.version, expectedVersion);
        ReviewRound round = ReviewRound.findById(c.roundId);
        State next = advance(c, Step.RECOGNISE);
        if (!ReviewWorkflow.mayRecognise(request.recognizedOn(), c.complaintsUntil)) {
            throw ProblemException.conflict("Complaints are accepted until " + c.complaintsUntil
                    + "; recognise after that day");
        }
        c.recognitionId = households.recognise(c.householdId, new RecognitionDecision(c.proposedStatus,
                round.reviewYear, request.recognizedOn(), request.decisionNo())).id;
        return moved(c, next, "recognised " + c.proposedStatus + ", decision " + request.decisionNo());
    }

    private State advance(ReviewCase c, Step step) {
        return ReviewWorkflow.next(c.state, step).orElseThrow(() -> ProblemException.conflict(
                "The case is " + c.state + "; " + step + " is not possible now"));
    }

    private ReviewCase moved(ReviewCase c, State next, String note) {
        State from = c.state;
        c.state = next;
        c.updatedAt = clock.now();
        step(c, from, note);
        return c;
    }

    private void step(ReviewCase c, State from, String note) {
        entityManager.createNativeQuery("""
                        INSERT INTO review_case_step (id, case_id, from_state, to_state, actor, at, note)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, Ids.newId()).setParameter(2, c.id)
                .setParameter(3, from == null ? null : from.name()).setParameter(4, c.state.name())
                .setParameter(5, caller.actor()).setParameter(6, clock.now())
                .setParameter(7, note.length() > 1000 ? note.substring(0, 1000) : note).executeUpdate();
    }

    private ReviewRound findRound(UUID id) {
        ReviewRound round = ReviewRound.findById(id);
        if (round == null || !caller.scope().covers(round.communeCode,
                AdminUnit.provinceOf(round.communeCode, round.opensOn))) {
            throw ProblemException.notFound("Review round", id);
        }
        return round;
    }

    private ReviewCase findCase(UUID id) {
        ReviewCase c = ReviewCase.findById(id);
        if (c == null) {
            throw ProblemException.notFound("Review case", id);
        }
        ReviewRound round = ReviewRound.findById(c.roundId);
        if (!caller.scope().covers(round.communeCode, AdminUnit.provinceOf(round.communeCode, round.opensOn))) {
            throw ProblemException.notFound("Review case", id);
        }
        return c;
    }
}
