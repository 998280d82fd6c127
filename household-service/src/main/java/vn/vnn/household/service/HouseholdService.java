package vn.vnn.household.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.events.household.HouseholdStatusRecognizedV1;
import vn.vnn.household.api.HouseholdRequest;
import vn.vnn.household.api.HouseholdView;
import vn.vnn.household.api.RecognitionRequest;
import vn.vnn.household.api.RecognitionView;
import vn.vnn.household.domain.Household;
import vn.vnn.household.domain.PovertyStandard;
import vn.vnn.household.domain.PovertyStatus;
import vn.vnn.household.domain.StatusRecognition;
import vn.vnn.household.domain.StatusTransition;
import vn.vnn.kit.Ids;
import vn.vnn.kit.outbox.Outbox;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Registering households and recognising their poverty status, always within the caller's areas. */
@ApplicationScoped
public class HouseholdService {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Outbox outbox;
    private final Caller caller;

    HouseholdService(Outbox outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    @Transactional
    public HouseholdView register(HouseholdRequest request) {
        if (!caller.mayAccessArea(request.communeCode())) {
            throw ProblemException.invalid("communeCode", "is outside the areas you work in");
        }
        Household household = new Household();
        household.id = Ids.newId();
        household.code = "HH-" + request.communeCode() + "-" + household.id.toString().substring(24).toUpperCase();
        household.headName = request.headName().strip();
        household.communeCode = request.communeCode();
        household.provinceCode = request.provinceCode();
        household.areaType = request.areaType();
        household.memberCount = request.memberCount();
        household.createdBy = caller.actor();
        household.createdAt = OffsetDateTime.now();
        household.updatedAt = household.createdAt;
        household.persist();
        return HouseholdView.of(household);
    }

    @Transactional
    public HouseholdView get(UUID id) {
        return HouseholdView.of(find(id));
    }

    @Transactional
    public Page<HouseholdView> list(String communeCode, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (communeCode != null && !communeCode.isBlank()) {
            where.append(" and communeCode = :commune");
            params.put("commune", communeCode);
        }
        if (!caller.unrestricted()) {
            where.append(" and communeCode in :scope");
            params.put("scope", caller.areaCodes().isEmpty() ? java.util.Set.of("-") : caller.areaCodes());
        }
        long total = Household.count(where.toString(), params);
        var items = Household.<Household>find(where + " order by communeCode, id", params)
                .page(page.page(), page.size()).list().stream().map(HouseholdView::of).toList();
        return Page.of(items, page, total);
    }

    /** Records a recognition, moves the household's status and publishes household.status-recognized.v1. */
    @Transactional
    public RecognitionView recognise(UUID householdId, RecognitionRequest request) {
        Household household = find(householdId);
        LocalDate today = LocalDate.now(VIETNAM);
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
        PovertyStatus previous = household.status;
        StatusTransition transition = StatusTransition.of(previous, request.status(), household.everPoor);

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
        recognition.recordedAt = OffsetDateTime.now();
        recognition.persist();

        household.status = request.status();
        household.statusYear = request.reviewYear();
        household.everPoor = household.everPoor || request.status() == PovertyStatus.POOR;
        household.updatedAt = recognition.recordedAt;

        outbox.publish("household", household.id.toString(), new HouseholdStatusRecognizedV1(
                household.id.toString(), household.code, household.communeCode, household.provinceCode,
                household.areaType, request.status().name(), previous == null ? null : previous.name(),
                transition.name(), standard, request.reviewYear(), request.recognizedOn(), request.decisionNo(),
                household.memberCount, recognition.recordedBy));
        return RecognitionView.of(recognition);
    }

    @Transactional
    public java.util.List<RecognitionView> history(UUID householdId) {
        Household household = find(householdId);
        return StatusRecognition.<StatusRecognition>find("householdId = ?1 order by recognizedOn, recordedAt",
                household.id).list().stream().map(RecognitionView::of).toList();
    }

    /** A household the caller may see; others are "not found", whatever their id. */
    private Household find(UUID id) {
        Household household = Household.findById(id);
        if (household == null) {
            throw ProblemException.notFound("Household", id);
        }
        caller.requireArea(household.communeCode, "Household", id);
        return household;
    }
}
