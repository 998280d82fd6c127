package vn.vnn.fund.donors;


import java.time.LocalDate;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A donor with what they gave (accepted donations to the funds the caller reaches); contact data and citizen ID masked
 * unless the caller needs them.
 */
public record DonorView(UUID id, String name, String type, String organisationKind, boolean overseas, String country,
                        String taxCode, String phone, String email, String address, String citizenId, long donations,
                        long givenVnd, LocalDate firstDonationOn, LocalDate lastDonationOn, long version) {

    public static DonorView of(DonorRecord record) {
        Donor d = record.donor();
        DonorGifts totals = record.gifts();
        boolean full = record.contactDataShown();
        UnaryOperator<String> phone = full ? UnaryOperator.identity() : vn.vnn.kit.security.PersonalData::maskPhone;
        UnaryOperator<String> email = full ? UnaryOperator.identity() : vn.vnn.kit.security.PersonalData::maskEmail;
        UnaryOperator<String> address = full ? UnaryOperator.identity()
                : vn.vnn.kit.security.PersonalData::maskAddress;
        return new DonorView(d.id, d.name, d.type.name(), d.organisationKind == null ? null : d.organisationKind.name(),
                d.overseas, d.country, d.taxCode, phone.apply(d.phone), email.apply(d.email), address.apply(d.address),
                full ? d.citizenId : vn.vnn.kit.security.PersonalData.maskCitizenId(d.citizenId),
                totals.count(), totals.givenVnd(), totals.first(), totals.last(), d.version);
    }
}
