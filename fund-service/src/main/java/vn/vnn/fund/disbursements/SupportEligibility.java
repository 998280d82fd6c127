package vn.vnn.fund.disbursements;

import java.util.Optional;

/**
 * Who may be supported (Hướng dẫn 96/HD-MTTW-BTT; DOMAIN.md §1.5): a household recognised POOR or NEAR_POOR by the
 * latest review (the review of the decision's year or of the year before, whose results apply in it), or any household
 * with a hardship exception that states its reason.
 */
public final class SupportEligibility {

    private SupportEligibility() {
    }

    /** The ground for support, or empty with none. */
    public static Optional<Disbursement.Eligibility> of(String recognisedStatus, Integer reviewYear, int decisionYear,
                                                       String hardshipReason) {
        boolean current = reviewYear != null && reviewYear >= decisionYear - 1 && reviewYear <= decisionYear;
        if (current && "POOR".equals(recognisedStatus)) {
            return Optional.of(Disbursement.Eligibility.POOR);
        }
        if (current && "NEAR_POOR".equals(recognisedStatus)) {
            return Optional.of(Disbursement.Eligibility.NEAR_POOR);
        }
        if (hardshipReason != null && !hardshipReason.isBlank()) {
            return Optional.of(Disbursement.Eligibility.HARDSHIP);
        }
        return Optional.empty();
    }
}
