package vn.vnn.fund.funds;


import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A fund with its balances: cash and goods held, received in total (capital) and paid out as support, all derived from
 * its ledger; the balances are null for a fund outside the caller's areas.
 */
public record FundView(UUID id, String code, String name, String level, String areaCode, LocalDate validFrom,
                       LocalDate validTo, boolean demo, Long cashVnd, Long inKindVnd, Long receivedVnd,
                       Long supportPaidVnd) {

    public static FundView of(FundBalances shown) {
        return shown.balances() == null ? withoutBalances(shown.fund()) : of(shown.fund(), shown.balances());
    }

    private static FundView of(Fund fund, Map<String, Long> balances) {
        return new FundView(fund.id, fund.code, fund.name, fund.level.name(), fund.areaCode, fund.validFrom,
                fund.validTo, fund.demo, balances.getOrDefault("CASH", 0L), balances.getOrDefault("IN_KIND", 0L),
                -balances.getOrDefault("CAPITAL", 0L), balances.getOrDefault("SUPPORT_PAID", 0L));
    }

    /** A fund outside the caller's areas (the other side of a transfer): who it is, none of its money. */
    private static FundView withoutBalances(Fund fund) {
        return new FundView(fund.id, fund.code, fund.name, fund.level.name(), fund.areaCode, fund.validFrom,
                fund.validTo, fund.demo, null, null, null, null);
    }
}
