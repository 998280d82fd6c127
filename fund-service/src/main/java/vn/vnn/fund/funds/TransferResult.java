package vn.vnn.fund.funds;

import java.util.UUID;

/** A transfer between funds (điều chuyển), with both funds as they stand after it. */
public record TransferResult(UUID transferId, FundBalances from, FundBalances to) {
}
