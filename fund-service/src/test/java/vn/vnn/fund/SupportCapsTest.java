package vn.vnn.fund;

import org.junit.jupiter.api.Test;
import vn.vnn.fund.disbursements.SupportCaps;
import vn.vnn.fund.disbursements.SupportCategory;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A household's support per category across funds: a house once, the others per calendar year (DOMAIN.md §1.5). */
class SupportCapsTest {

    @Test
    void theCapCountsWhatTheHouseholdAlreadyHasInThePeriod() {
        assertThat(SupportCaps.problem(SupportCategory.TET_GIFT, 1_500_000, 500_000, 2_000_000L)).isEmpty();
        assertThat(SupportCaps.problem(SupportCategory.TET_GIFT, 1_500_000, 500_001, 2_000_000L)).get()
                .asString().contains("1500000 of the 2000000", "this year");
        assertThat(SupportCaps.problem(SupportCategory.GREAT_SOLIDARITY_HOUSE, 60_000_000, 1, 60_000_000L)).get()
                .asString().contains("for its house");
        assertThat(SupportCaps.problem(SupportCategory.OTHER, Long.MAX_VALUE / 2, 1, null)).isEmpty();
    }

    @Test
    void aHouseCountsOverTheHouseholdsLifeTheOthersFromFirstJanuary() {
        LocalDate on = LocalDate.of(2026, 3, 15);
        assertThat(SupportCaps.periodStart(SupportCategory.LIVELIHOOD, on)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(SupportCaps.periodStart(SupportCategory.GREAT_SOLIDARITY_HOUSE, on))
                .isEqualTo(LocalDate.of(1900, 1, 1));
    }
}
