package vn.vnn.fund.donors;

import java.util.Optional;

/** What a donor's description must satisfy, wherever it comes from. */
public final class DonorRules {

    private DonorRules() {
    }

    /** The field and the reason the description is not acceptable; empty when it is. */
    public static Optional<String[]> problem(DonorType type, OrganisationKind kind, boolean overseas, String country,
                                             String taxCode, String citizenId) {
        if (type == DonorType.ORGANISATION && citizenId != null) {
            return Optional.of(new String[] {"citizenId", "is for individuals, not organisations"});
        }
        if (type == DonorType.INDIVIDUAL && kind != null) {
            return Optional.of(new String[] {"organisationKind", "is for organisations, not individuals"});
        }
        if (type == DonorType.ORGANISATION && kind == OrganisationKind.ENTERPRISE && !overseas && taxCode == null) {
            return Optional.of(new String[] {"taxCode", "is required for a domestic enterprise"});
        }
        if (!overseas && country != null && !country.equals("VN")) {
            return Optional.of(new String[] {"country", "is for overseas donors; set overseas"});
        }
        return Optional.empty();
    }
}
