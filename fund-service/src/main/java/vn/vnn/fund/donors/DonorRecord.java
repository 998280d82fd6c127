package vn.vnn.fund.donors;

/** A donor with their gifts to the funds the caller reaches, and whether the caller sees contact data unmasked. */
public record DonorRecord(Donor donor, DonorGifts gifts, boolean contactDataShown) {
}
