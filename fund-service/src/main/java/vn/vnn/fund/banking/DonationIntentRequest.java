package vn.vnn.fund.banking;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** What a donor means to give: to which account (default the fund's first), for what, how much (optional). */
public record DonationIntentRequest(
        @Schema(description = "One of the fund's active accounts; the first when absent") UUID bankAccountId,
        @Schema(description = "A running campaign of the fund") UUID campaignId,
        @Schema(description = "A pledge to the fund that the gift pays") UUID pledgeId,
        @Schema(description = "The amount in đồng; without it the payer types it") @Positive
        @Max(VietQr.MAX_AMOUNT) Long amountVnd) {

    BankAccounts.NewIntent command() {
        return new BankAccounts.NewIntent(bankAccountId, campaignId, pledgeId, amountVnd);
    }
}
