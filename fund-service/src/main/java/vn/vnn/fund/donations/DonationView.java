package vn.vnn.fund.donations;


import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record DonationView(UUID id, String receiptNo, String status, UUID fundId, String fundAreaCode,
                           UUID donorId, String donorName, String donorType, String kind, long amountVnd,
                           LocalDate receivedOn, String channel, String bankReference, List<DonationItem> items,
                           boolean anonymous, String note, String recordedBy, OffsetDateTime recordedAt,
                           String cancelledBy, OffsetDateTime cancelledAt, String cancelReason, UUID campaignId,
                           UUID pledgeId, long version,
                           @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Printed on the "
                                   + "receipt (mã xác minh): with the receipt number it lets anyone verify it")
                           String verificationCode) {

    public static DonationView of(RecordedDonation recorded) {
        Donation d = recorded.donation();
        List<DonationItem> items = recorded.items();
        return new DonationView(d.id, d.receiptNo, d.status.name(), d.fundId, d.fundAreaCode, d.donor.id,
                d.donorName, d.donor.type.name(), d.kind.name(), d.amountVnd, d.receivedOn,
                d.channel == null ? null : d.channel.name(), d.bankReference, items, d.anonymous, d.note,
                d.recordedBy, d.recordedAt, d.cancelledBy, d.cancelledAt, d.cancelReason, d.campaignId, d.pledgeId,
                d.version, d.verificationCode);
    }
}
