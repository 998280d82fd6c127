package vn.vnn.fund.funds;

import java.util.UUID;

/** A transfer between funds, with both funds' balances after it. */
public record TransferView(UUID transferId, FundView from, FundView to) {

    public static TransferView of(TransferResult r) {
        return new TransferView(r.transferId(), FundView.of(r.from()), FundView.of(r.to()));
    }
}
