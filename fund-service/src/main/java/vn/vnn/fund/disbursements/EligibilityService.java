package vn.vnn.fund.disbursements;

import vn.vnn.kit.time.VietnamClock;

import vn.vnn.fund.funds.FundScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.events.household.HouseholdStatusRecognizedV1;
import vn.vnn.kit.inbox.IncomingEvent;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;

/**
 * Keeps the fund's eligibility view in step with households' recognised statuses. Callers read the households of
 * the communes and provinces they reach.
 */
@ApplicationScoped
public class EligibilityService {

    private final FundScope scope;
    private final VietnamClock clock;

    EligibilityService(FundScope scope, VietnamClock clock) {
        this.clock = clock;
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
        household.updatedAt = clock.now();
        household.persist();
    }

    @Transactional
    public EligibleHousehold get(String householdId) {
        EligibleHousehold household = EligibleHousehold.findById(householdId);
        if (household == null || !scope.areas().covers(household.communeCode, household.provinceCode)) {
            throw ProblemException.notFound("Household", householdId);
        }
        return household;
    }

    @Transactional
    public Page<EligibleHousehold> list(String communeCode, Boolean eligible, PageRequest page) {
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
        where.append(" and ").append(scope.areas().where("communeCode", "provinceCode"));
        scope.areas().bind(params);
        long total = EligibleHousehold.count(where.toString(), params);
        var items = EligibleHousehold.<EligibleHousehold>find(where + " order by communeCode, householdId", params)
                .page(page.page(), page.size()).list();
        return Page.of(items, page, total);
    }
}
