package vn.vnn.fund.donations;

import java.util.List;

/** A donation with its goods (empty for cash), as the receipt shows it. */
public record RecordedDonation(Donation donation, List<DonationItem> items) {
}
