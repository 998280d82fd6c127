package vn.vnn.fund.banking;

import vn.vnn.fund.funds.BankAccount;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** An intent to give: the reference code, the transfer message that carries it, and the dynamic VietQR code. */
public record DonationIntentView(
        @Schema(description = "Six characters, no I, L, O or U; quoted in the transfer message") String referenceCode,
        @Schema(description = "The transfer message (nội dung chuyển khoản) the QR fills in") String transferMessage,
        String fundCode, UUID campaignId, UUID pledgeId, Long amountVnd,
        String bankBin, String accountNumber, String accountName,
        @Schema(description = "The dynamic VietQR payload") String qrPayload,
        @Schema(description = "Where the QR code is drawn as PNG") String qrPng) {

    static DonationIntentView of(BankAccounts.Intent intent) {
        DonationIntent i = intent.intent();
        BankAccount a = intent.account();
        return new DonationIntentView(i.referenceCode, i.transferMessage, intent.fund().code, i.campaignId,
                i.pledgeId, i.amountVnd, a.bankBin, a.accountNumber, a.accountName, i.payload(a),
                "/api/v1/public/funds/" + intent.fund().code + "/donation-intents/" + i.referenceCode + "/qr.png");
    }
}
