package vn.vnn.fund;

import org.junit.jupiter.api.Test;
import vn.vnn.fund.campaigns.InstalmentCoverage;
import vn.vnn.fund.disbursements.RecognitionOrder;
import vn.vnn.fund.donors.DonorRules;
import vn.vnn.fund.donors.DonorType;
import vn.vnn.fund.donors.OrganisationKind;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The donor description rules, how payments cover a pledge's instalments, and which recognition is the latest. */
class DonorAndPledgeRulesTest {

    @Test
    void aDonorsDescriptionMustFitItsType() {
        assertThat(field(DonorType.ORGANISATION, OrganisationKind.AGENCY, false, null, null, "001078012345"))
                .isEqualTo("citizenId");
        assertThat(field(DonorType.INDIVIDUAL, OrganisationKind.OTHER, false, null, null, null))
                .isEqualTo("organisationKind");
        // A domestic enterprise has a tax code (mã số thuế); an overseas one or another kind need not.
        assertThat(field(DonorType.ORGANISATION, OrganisationKind.ENTERPRISE, false, null, null, null))
                .isEqualTo("taxCode");
        assertThat(field(DonorType.ORGANISATION, OrganisationKind.ENTERPRISE, true, "JP", null, null)).isNull();
        assertThat(field(DonorType.ORGANISATION, OrganisationKind.ENTERPRISE, false, null, "0100109106", null))
                .isNull();
        assertThat(field(DonorType.ORGANISATION, OrganisationKind.AGENCY, false, null, null, null)).isNull();
        // A country other than Việt Nam is for overseas donors.
        assertThat(field(DonorType.INDIVIDUAL, null, false, "JP", null, null)).isEqualTo("country");
        assertThat(field(DonorType.INDIVIDUAL, null, false, "VN", null, null)).isNull();
        assertThat(field(DonorType.INDIVIDUAL, null, true, "JP", null, "001078012345")).isNull();
    }

    private static String field(DonorType type, OrganisationKind kind, boolean overseas, String country,
                                String taxCode, String citizenId) {
        return DonorRules.problem(type, kind, overseas, country, taxCode, citizenId).map(p -> p[0]).orElse(null);
    }

    @Test
    void paymentsFillInstalmentsInOrderOfDueDate() {
        LocalDate today = LocalDate.of(2025, 11, 1);
        List<InstalmentCoverage.Instalment> plan = List.of(
                new InstalmentCoverage.Instalment(1, LocalDate.of(2025, 10, 1), 100),
                new InstalmentCoverage.Instalment(2, LocalDate.of(2025, 11, 1), 100),
                new InstalmentCoverage.Instalment(3, LocalDate.of(2025, 12, 1), 100),
                new InstalmentCoverage.Instalment(4, LocalDate.of(2025, 9, 1), 100));
        List<InstalmentCoverage.Covered> covered = InstalmentCoverage.of(plan, 150, today);
        assertThat(covered).extracting(InstalmentCoverage.Covered::coveredVnd).containsExactly(100L, 50L, 0L, 0L);
        // Due today is not yet overdue; a date already passed uncovered is.
        assertThat(covered).extracting(InstalmentCoverage.Covered::status)
                .containsExactly("PAID", "PARTLY_PAID", "DUE", "OVERDUE");
        assertThat(InstalmentCoverage.of(plan.subList(0, 1), 0, today).get(0).status()).isEqualTo("OVERDUE");
        assertThat(InstalmentCoverage.of(plan.subList(1, 2), 0, today).get(0).status()).isEqualTo("DUE");
    }

    @Test
    void aLaterReviewYearOrALaterDecisionOfTheSameYearSupersedes() {
        LocalDate day = LocalDate.of(2025, 12, 10);
        assertThat(RecognitionOrder.supersedes(2026, day.minusYears(1), 2025, day)).isTrue();
        assertThat(RecognitionOrder.supersedes(2024, day.plusYears(1), 2025, day)).isFalse();
        assertThat(RecognitionOrder.supersedes(2025, day, 2025, day)).isTrue();
        assertThat(RecognitionOrder.supersedes(2025, day.minusDays(1), 2025, day)).isFalse();
        assertThat(RecognitionOrder.supersedes(2025, day.plusDays(1), 2025, day)).isTrue();
    }
}
