package vn.vnn.fund.api;

import vn.vnn.fund.domain.Donation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public record DonationView(UUID id, UUID donorId, String donorName, String donorType, String kind, long amountVnd,
                           LocalDate receivedOn, String fundAreaCode, boolean anonymous, String note,
                           String recordedBy, OffsetDateTime recordedAt) {

    public static DonationView of(Donation donation) {
        return new DonationView(donation.id, donation.donor.id, donation.donor.name, donation.donor.type.name(),
                donation.kind.name(), donation.amountVnd, donation.receivedOn, donation.fundAreaCode,
                donation.anonymous, donation.note, donation.recordedBy, donation.recordedAt);
    }
}
