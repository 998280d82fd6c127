package vn.vnn.fund.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.vnn.fund.domain.Fund;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;

import java.util.Set;
import java.util.UUID;

/**
 * Which funds the caller works on. A fund officer or approver whose token carries {@code area_codes} acts only on the
 * funds of those areas (a province's or a commune's committee); one without (the central committee) and admins and
 * auditors act on all. Outside the scope a fund and everything in it are "not found".
 */
@ApplicationScoped
public class FundScope {

    private final Caller caller;

    FundScope(Caller caller) {
        this.caller = caller;
    }

    /** The area codes the caller is bound to; empty when the caller works on every fund. */
    public Set<String> areas() {
        if (caller.hasRole(vn.vnn.kit.security.Roles.ADMIN) || caller.hasRole(vn.vnn.kit.security.Roles.AUDITOR)) {
            return Set.of();
        }
        return caller.areaCodes();
    }

    public boolean covers(Fund fund) {
        Set<String> areas = areas();
        return areas.isEmpty() || areas.contains(fund.areaCode);
    }

    public Fund require(UUID fundId, String what, Object id) {
        Fund fund = fundId == null ? null : Fund.findById(fundId);
        if (fund == null || !covers(fund)) {
            throw ProblemException.notFound(what, id);
        }
        return fund;
    }

    /** The open fund of an area the caller works on; a 422 on {@code field} otherwise. */
    public Fund openFund(String areaCode, String field) {
        Fund fund = Fund.openForArea(areaCode).orElseThrow(() -> ProblemException.invalid(field,
                "no fund is kept for area " + areaCode));
        if (!covers(fund)) {
            throw ProblemException.invalid(field, "is outside the areas you work in");
        }
        return fund;
    }

    /** A JPQL condition on a fund id column (":scope" bound by {@link #bind}) or "1 = 1" when unrestricted. */
    public String condition(String fundIdColumn) {
        return areas().isEmpty() ? "1 = 1"
                : fundIdColumn + " in (select f.id from Fund f where f.areaCode in :scope)";
    }

    public void bind(java.util.Map<String, Object> params) {
        if (!areas().isEmpty()) {
            params.put("scope", areas());
        }
    }
}
