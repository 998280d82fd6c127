package vn.vnn.fund.funds;

import jakarta.enterprise.context.ApplicationScoped;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.security.Caller;

import java.util.Map;
import java.util.UUID;

/**
 * Which funds the call reaches ({@link vn.vnn.kit.security.Reach}): a fund officer or approver acts on the funds of
 * the areas in their token (a province's or a commune's committee), all funds with the national grant {@code VN} (the
 * central committee), none without areas; admins and auditors on all. Outside the scope a fund and everything in it
 * are "not found".
 */
@ApplicationScoped
public class FundScope {

    private final Caller caller;

    FundScope(Caller caller) {
        this.caller = caller;
    }

    public AreaScope areas() {
        return caller.scope();
    }

    public boolean covers(Fund fund) {
        return fund != null && areas().covers(fund.areaCode);
    }

    public Fund require(UUID fundId, String what, Object id) {
        Fund fund = fundId == null ? null : Fund.findById(fundId);
        if (fund == null) {
            throw ProblemException.notFound(what, id);
        }
        caller.requireArea(what, id, fund.areaCode);
        return fund;
    }

    /** The open fund of an area the caller works on; a 422 on {@code field} otherwise. */
    public Fund openFund(String areaCode, String field) {
        if (!areas().covers(areaCode)) {
            // Whether another area keeps a fund is none of the caller's business.
            throw ProblemException.invalid(field, "is outside the areas you work in");
        }
        return Fund.openForArea(areaCode).orElseThrow(() -> ProblemException.invalid(field,
                "no fund is kept for area " + areaCode));
    }

    /** A JPQL condition on a fund id column (":scope" bound by {@link #bind}) or "1 = 1" when national. */
    public String condition(String fundIdColumn) {
        return areas().national() ? "1 = 1"
                : fundIdColumn + " in (select f.id from Fund f where " + areas().where("f.areaCode") + ")";
    }

    public void bind(Map<String, Object> params) {
        areas().bind(params);
    }

    /** The area codes of the funds reached, for native queries ({@code fund_area_code = ANY(?)}); null when all. */
    public String[] areaArray() {
        return areas().sqlArray();
    }
}
