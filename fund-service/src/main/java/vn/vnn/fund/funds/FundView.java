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
                       Long supportPaidVnd,
                       @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Where the cash is "
                               + "held (sổ chi tiết tiền), adding up to cashVnd: BANK:<bank account id>, OFFICE, "
                               + "TREASURY, and BANK for bank money recorded without its account; on a single fund's "
                               + "read only") Map<String, Long> cashHoldings) {

    public static FundView of(FundBalances shown) {
        return shown.balances() == null ? withoutBalances(shown.fund())
                : of(shown.fund(), shown.balances(), shown.cashHoldings());
    }

    private static FundView of(Fund fund, Map<String, Long> balances, Map<String, Long> holdings) {
        return new FundView(fund.id, fund.code, fund.name, fund.level.name(), fund.areaCode, fund.validFrom,
                fund.validTo, fund.demo, balances.getOrDefault("CASH", 0L), balances.getOrDefault("IN_KIND", 0L),
                -balances.getOrDefault("CAPITAL", 0L), balances.getOrDefault("SUPPORT_PAID", 0L), holdings);
    }

    /** A fund outside the caller's areas (the other side of a transfer): who it is, none of its money. */
    private static FundView withoutBalances(Fund fund) {
        return new FundView(fund.id, fund.code, fund.name, fund.level.name(), fund.areaCode, fund.validFrom,
                fund.validTo, fund.demo, null, null, null, null, null);
    }
}
