package vn.vnn.fund.funds;

import java.util.Map;

/**
 * A fund with the balances of its ledger accounts (CASH, IN_KIND, CAPITAL, SUPPORT_PAID); balances are null for a fund
 * outside the caller's areas, shown only by who it is.
 */
public record FundBalances(Fund fund, Map<String, Long> balances, Map<String, Long> cashHoldings) {

    public FundBalances(Fund fund, Map<String, Long> balances) {
        this(fund, balances, null);
    }
}
