package vn.vnn.fund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.events.household.HouseholdStatusRecognizedV1;
import vn.vnn.fund.api.EligibleHouseholdView;
import vn.vnn.fund.domain.EligibleHousehold;
import vn.vnn.fund.domain.RecognitionOrder;
import vn.vnn.kit.inbox.IncomingEvent;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;

import java.time.OffsetDateTime;

/**
 * Keeps the fund's eligibility view in step with households' recognised statuses. Callers read the households of
 * the communes and provinces they reach.
 */
@ApplicationScoped
public class EligibilityService {

    private final FundScope scope;

    EligibilityService(FundScope scope) {
        this.scope = scope;
    }

    /** Applies a recognition; runs in the consumer's transaction, after the inbox accepted the event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent<HouseholdStatusRecognizedV1> event) {
        HouseholdStatusRecognizedV1 data = event.data();
        EligibleHousehold household = EligibleHousehold.findById(data.householdId());
        if (household == null) {
            household = new EligibleHousehold();
            household.householdId = data.householdId();
        } else if (!RecognitionOrder.supersedes(data.reviewYear(), data.recognizedOn(), household.reviewYear,
                household.recognizedOn)) {
            return;
        }
        household.householdCode = data.householdCode();
        household.communeCode = data.communeCode();
        household.provinceCode = data.provinceCode();
        household.status = data.status();
        household.eligible = EligibleHousehold.ELIGIBLE_STATUSES.contains(data.status());
        household.standard = data.standard();
        household.reviewYear = data.reviewYear();
        household.recognizedOn = data.recognizedOn();
        household.lastEventId = event.id();
        household.updatedAt = OffsetDateTime.now();
        household.persist();
    }

    @Transactional
    public EligibleHouseholdView get(String householdId) {
        EligibleHousehold household = EligibleHousehold.findById(householdId);
        if (household == null || !scope.areas().covers(household.communeCode, household.provinceCode)) {
            throw ProblemException.notFound("Household", householdId);
        }
        return EligibleHouseholdView.of(household);
    }

    @Transactional
    public Page<EligibleHouseholdView> list(String communeCode, Boolean eligible, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        var params = new java.util.HashMap<String, Object>();
        if (communeCode != null && !communeCode.isBlank()) {
            where.append(" and communeCode = :commune");
            params.put("commune", communeCode);
        }
        if (eligible != null) {
            where.append(" and eligible = :eligible");
            params.put("eligible", eligible);
        }
        if (!scope.areas().national()) {
            where.append(" and (communeCode in :scope or provinceCode in :scope)");
            params.put("scope", scope.areas().queryAreas());
        }
        long total = EligibleHousehold.count(where.toString(), params);
        var items = EligibleHousehold.<EligibleHousehold>find(where + " order by communeCode, householdId", params)
                .page(page.page(), page.size()).list().stream().map(EligibleHouseholdView::of).toList();
        return Page.of(items, page, total);
    }
}
