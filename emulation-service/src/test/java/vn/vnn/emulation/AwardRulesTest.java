package vn.vnn.emulation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import vn.vnn.emulation.nominations.AwardRules;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Award money with the arithmetic spelled out. Sources: the multiples of Nghị định 98/2023/NĐ-CP and Nghị định
 * 152/2025/NĐ-CP (Bằng khen of the provincial chairman 1.0× before 1 July 2025, 1.5× from it; Giấy khen of the commune
 * chairman 0.3×; Lao động tiên tiến 0.3×; Tập thể lao động xuất sắc 1.5×); rounding up to the next 10,000 đồng and the
 * collective's double amount for Bằng khen and Giấy khen (Nghị định 91/2017/NĐ-CP art. 68 k.2 and art. 73, carried
 * into Nghị định 98/2023); households 1.5× the individual amount (DOMAIN.md §1.6).
 */
class AwardRulesTest {

    private static final long BASE_2024 = 2_340_000; // Nghị định 73/2024/NĐ-CP, from 1 July 2024

    @Test
    void giayKhenOfTheCommuneChairman() {
        // 0.3 × 2,340,000 = 702,000 → rounded up to 710,000
        assertThat(AwardRules.reward(new BigDecimal("0.3"), BASE_2024, "INDIVIDUAL", true)).isEqualTo(710_000);
        // a collective: 2 × 710,000 = 1,420,000
        assertThat(AwardRules.reward(new BigDecimal("0.3"), BASE_2024, "COLLECTIVE", true)).isEqualTo(1_420_000);
        // a household: 1.5 × 710,000 = 1,065,000 → rounded up to 1,070,000
        assertThat(AwardRules.reward(new BigDecimal("0.3"), BASE_2024, "HOUSEHOLD", true)).isEqualTo(1_070_000);
    }

    @Test
    void bangKhenOfTheProvincialChairmanBeforeAndAfterDecree152() {
        // before 1 July 2025: 1.0 × 2,340,000 = 2,340,000; a collective 4,680,000
        assertThat(AwardRules.reward(new BigDecimal("1.0"), BASE_2024, "INDIVIDUAL", true)).isEqualTo(2_340_000);
        assertThat(AwardRules.reward(new BigDecimal("1.0"), BASE_2024, "COLLECTIVE", true)).isEqualTo(4_680_000);
        // from 1 July 2025: 1.5 × 2,340,000 = 3,510,000; a collective 7,020,000; a household 1.5 × 3,510,000 =
        // 5,265,000 → 5,270,000
        assertThat(AwardRules.reward(new BigDecimal("1.5"), BASE_2024, "INDIVIDUAL", true)).isEqualTo(3_510_000);
        assertThat(AwardRules.reward(new BigDecimal("1.5"), BASE_2024, "COLLECTIVE", true)).isEqualTo(7_020_000);
        assertThat(AwardRules.reward(new BigDecimal("1.5"), BASE_2024, "HOUSEHOLD", true)).isEqualTo(5_270_000);
    }

    @Test
    void titlesHaveTheirOwnMultiplesWithoutTheCollectivesDouble() {
        // Tập thể lao động xuất sắc: 1.5 × 2,340,000 = 3,510,000, a collective's own title, not doubled
        assertThat(AwardRules.reward(new BigDecimal("1.5"), BASE_2024, "COLLECTIVE", false)).isEqualTo(3_510_000);
        // Lao động tiên tiến: 0.3 × 2,340,000 = 702,000 → 710,000
        assertThat(AwardRules.reward(new BigDecimal("0.3"), BASE_2024, "INDIVIDUAL", false)).isEqualTo(710_000);
        // Tập thể lao động tiên tiến: 0.8 × 2,340,000 = 1,872,000 → 1,880,000
        assertThat(AwardRules.reward(new BigDecimal("0.8"), BASE_2024, "COLLECTIVE", false)).isEqualTo(1_880_000);
    }

    @Test
    void anExactMultipleOfTenThousandStaysAsItIs() {
        // Nghị định 24/2023/NĐ-CP base salary 1,800,000: 0.3 × 1,800,000 = 540,000 exactly
        assertThat(AwardRules.reward(new BigDecimal("0.3"), 1_800_000, "INDIVIDUAL", true)).isEqualTo(540_000);
        assertThat(AwardRules.roundUp(new BigDecimal("540000"))).isEqualTo(540_000);
        assertThat(AwardRules.roundUp(new BigDecimal("540000.01"))).isEqualTo(550_000);
        assertThat(AwardRules.roundUp(new BigDecimal("540001"))).isEqualTo(550_000);
    }

    @Property
    void roundingUpGivesTheSmallestMultipleOfTenThousandNotBelowTheAmount(
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long amount) {
        long rounded = AwardRules.roundUp(BigDecimal.valueOf(amount));
        assertThat(rounded % 10_000).isZero();
        assertThat(rounded).isGreaterThanOrEqualTo(amount).isLessThan(amount + 10_000);
    }

    @Property
    void aCollectiveReceivesExactlyTwiceAndAHouseholdAtLeastOneAndAHalfTimesTheIndividual(
            @ForAll @LongRange(min = 1, max = 1_000) long hundredths, @ForAll @LongRange(min = 1_000_000,
            max = 10_000_000) long base) {
        BigDecimal multiple = BigDecimal.valueOf(hundredths, 2);
        long individual = AwardRules.reward(multiple, base, "INDIVIDUAL", true);
        assertThat(AwardRules.reward(multiple, base, "COLLECTIVE", true)).isEqualTo(2 * individual);
        long household = AwardRules.reward(multiple, base, "HOUSEHOLD", true);
        assertThat(household * 2).isGreaterThanOrEqualTo(individual * 3);
        assertThat(household % 10_000).isZero();
    }
}
