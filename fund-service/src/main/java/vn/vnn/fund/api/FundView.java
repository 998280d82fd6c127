package vn.vnn.fund.api;

import vn.vnn.fund.domain.Fund;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A fund with its balances: cash and goods held, received in total (capital) and paid out as support, all derived from
 * its ledger.
 */
public record FundView(UUID id, String code, String name, String level, String areaCode, LocalDate validFrom,
                       LocalDate validTo, boolean demo, long cashVnd, long inKindVnd, long receivedVnd,
                       long supportPaidVnd) {

    public static FundView of(Fund fund, Map<String, Long> balances) {
        return new FundView(fund.id, fund.code, fund.name, fund.level.name(), fund.areaCode, fund.validFrom,
                fund.validTo, fund.demo, balances.getOrDefault("CASH", 0L), balances.getOrDefault("IN_KIND", 0L),
                -balances.getOrDefault("CAPITAL", 0L), balances.getOrDefault("SUPPORT_PAID", 0L));
    }
}
