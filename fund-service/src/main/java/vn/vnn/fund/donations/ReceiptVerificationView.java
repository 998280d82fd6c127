package vn.vnn.fund.donations;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "ReceiptVerification", description = "What a receipt's public verification shows")
public record ReceiptVerificationView(
        String receiptNo, String fundCode, String fundName, LocalDate receivedOn, long amountVnd,
        @Schema(description = "CASH or IN_KIND") String kind,
        @Schema(description = "VALID, or CANCELLED when the gift was cancelled (e.g. a transfer returned)")
        String status,
        @Schema(description = "The donor's name as recorded, or \"Nhà hảo tâm ẩn danh\" for an anonymous gift")
        String donorName) {

    static ReceiptVerificationView of(DonationService.VerifiedReceipt verified) {
        Donation d = verified.donation();
        return new ReceiptVerificationView(d.receiptNo, verified.fund().code, verified.fund().name, d.receivedOn,
                d.amountVnd, d.kind.name(), d.status == Donation.Status.CANCELLED ? "CANCELLED" : "VALID",
                d.publicName());
    }
}
