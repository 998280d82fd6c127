package vn.vnn.fund.api;

import vn.vnn.fund.domain.Donor;

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

    /** Totals of a donor's accepted donations. */
    public record Totals(long count, long givenVnd, LocalDate first, LocalDate last) {
        public static final Totals NONE = new Totals(0, 0, null, null);
    }

    public static DonorView of(Donor d, Totals totals, boolean full) {
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
