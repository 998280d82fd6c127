package vn.vnn.fund.api;

import java.util.UUID;

/** A transfer between funds, with both funds' balances after it. */
public record TransferView(UUID transferId, FundView from, FundView to) {
}
