package vn.vnn.household;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import vn.vnn.household.areas.AreaType;
import vn.vnn.household.standards.Indicator;
import vn.vnn.household.standards.PovertyClassifier;
import vn.vnn.household.standards.PovertyClassifier.Income;
import vn.vnn.household.standards.PovertyClassifier.Score;
import vn.vnn.household.standards.PovertyStatus;
import vn.vnn.household.standards.StandardRules;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.vnn.household.standards.Indicator.DIGITAL_SERVICES;
import static vn.vnn.household.standards.Indicator.DOMESTIC_WATER;
import static vn.vnn.household.standards.Indicator.HEALTH_INSURANCE;
import static vn.vnn.household.standards.Indicator.HOUSING_AREA;
import static vn.vnn.household.standards.Indicator.INFORMATION_DEVICES;
import static vn.vnn.household.standards.Indicator.TELECOM_SERVICES;
import static vn.vnn.household.standards.Indicator.WASTE_TREATMENT;

class PovertyClassifierTest {

    static final Set<Indicator> INDICATORS_2022 = EnumSet.complementOf(EnumSet.of(DIGITAL_SERVICES, WASTE_TREATMENT));
    static final Set<Indicator> INDICATORS_2027 = EnumSet.complementOf(EnumSet.of(TELECOM_SERVICES,
            INFORMATION_DEVICES));
    static final StandardRules VN_MPS_2022 = new StandardRules("VN-MPS-2022", LocalDate.of(2022, 1, 1),
            LocalDate.of(2026, 12, 31), 1_500_000, 2_000_000, 2_250_000L, 3_000_000L, 140, 175, 3, 10,
            INDICATORS_2022);
    static final StandardRules VN_MPS_2027 = new StandardRules("VN-MPS-2027", LocalDate.of(2027, 1, 1),
            LocalDate.of(2030, 12, 31), 2_200_000, 2_800_000, null, null, null, null, 3, 10, INDICATORS_2027);

    @Test
    void theContractExample() {
        var result = PovertyClassifier.classify(VN_MPS_2022, AreaType.RURAL, new Income(1_450_000),
                EnumSet.of(HEALTH_INSURANCE, HOUSING_AREA, DOMESTIC_WATER));
        assertThat(result).isEqualTo(new PovertyClassifier.Result("VN-MPS-2022", PovertyStatus.POOR, 1_500_000, 3,
                30));
    }

    @Test
    void linesAndBandsAreInclusive() {
        Set<Indicator> three = EnumSet.of(HEALTH_INSURANCE, HOUSING_AREA, DOMESTIC_WATER);
        Set<Indicator> two = EnumSet.of(HEALTH_INSURANCE, HOUSING_AREA);
        assertThat(status(VN_MPS_2022, AreaType.RURAL, 1_500_000, three)).isEqualTo(PovertyStatus.POOR);
        assertThat(status(VN_MPS_2022, AreaType.RURAL, 1_500_000, two)).isEqualTo(PovertyStatus.NEAR_POOR);
        assertThat(status(VN_MPS_2022, AreaType.RURAL, 1_500_001, three))
                .isEqualTo(PovertyStatus.AVERAGE_LIVING_STANDARD);
        assertThat(status(VN_MPS_2022, AreaType.RURAL, 2_250_000, three))
                .isEqualTo(PovertyStatus.AVERAGE_LIVING_STANDARD);
        assertThat(status(VN_MPS_2022, AreaType.RURAL, 2_250_001, three)).isEqualTo(PovertyStatus.NOT_POOR);
        assertThat(status(VN_MPS_2022, AreaType.URBAN, 2_000_000, three)).isEqualTo(PovertyStatus.POOR);
        assertThat(status(VN_MPS_2022, AreaType.URBAN, 3_000_000, three))
                .isEqualTo(PovertyStatus.AVERAGE_LIVING_STANDARD);
        assertThat(status(VN_MPS_2022, AreaType.URBAN, 3_000_001, three)).isEqualTo(PovertyStatus.NOT_POOR);
        assertThat(status(VN_MPS_2027, AreaType.RURAL, 2_200_000, three)).isEqualTo(PovertyStatus.POOR);
        assertThat(status(VN_MPS_2027, AreaType.URBAN, 2_800_000, two)).isEqualTo(PovertyStatus.NEAR_POOR);
        // VN-MPS-2027 has no verified upper band: above the line is simply not poor.
        assertThat(status(VN_MPS_2027, AreaType.RURAL, 2_200_001, three)).isEqualTo(PovertyStatus.NOT_POOR);
    }

    @Test
    void scoresFollowThresholdsAndNeedThem() {
        Set<Indicator> three = EnumSet.of(HEALTH_INSURANCE, HOUSING_AREA, DOMESTIC_WATER);
        assertThat(PovertyClassifier.classify(VN_MPS_2022, AreaType.RURAL, new Score(140), three).classification())
                .isEqualTo(PovertyStatus.POOR);
        assertThat(PovertyClassifier.classify(VN_MPS_2022, AreaType.RURAL, new Score(141), three).classification())
                .isEqualTo(PovertyStatus.NOT_POOR);
        assertThat(PovertyClassifier.classify(VN_MPS_2022, AreaType.URBAN, new Score(175), Set.of()).classification())
                .isEqualTo(PovertyStatus.NEAR_POOR);
        assertThatThrownBy(() -> PovertyClassifier.classify(VN_MPS_2027, AreaType.RURAL, new Score(100), three))
                .isInstanceOf(PovertyClassifier.NotApplicable.class);
        assertThatThrownBy(() -> new Income(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIndicatorTheStandardLacksIsRefused() {
        assertThatThrownBy(() -> PovertyClassifier.classify(VN_MPS_2027, AreaType.RURAL, new Income(1),
                EnumSet.of(TELECOM_SERVICES))).isInstanceOf(PovertyClassifier.NotApplicable.class);
    }

    @Property
    void moreIncomeNeverMakesAHouseholdPoorer(@ForAll("standards") StandardRules standard,
                                              @ForAll AreaType area,
                                              @ForAll @LongRange(min = 0, max = 6_000_000) long income,
                                              @ForAll @LongRange(min = 0, max = 1_000_000) long raise,
                                              @ForAll("deprivationCounts") int deprived) {
        Set<Indicator> deprivations = firstN(standard, deprived);
        PovertyStatus before = status(standard, area, income, deprivations);
        PovertyStatus after = status(standard, area, income + raise, deprivations);
        assertThat(rank(after)).isGreaterThanOrEqualTo(rank(before));
    }

    @Property
    void poorExactlyWhenAtOrUnderTheLineWithThreeDeprivations(@ForAll("standards") StandardRules standard,
                                                              @ForAll AreaType area,
                                                              @ForAll @LongRange(min = 0, max = 6_000_000) long income,
                                                              @ForAll("deprivationCounts") int deprived) {
        var result = PovertyClassifier.classify(standard, area, new Income(income), firstN(standard, deprived));
        boolean poor = income <= standard.incomeLine(area) && deprived >= 3;
        assertThat(result.classification() == PovertyStatus.POOR).isEqualTo(poor);
        assertThat(result.deprivationScore()).isEqualTo(10 * deprived);
        assertThat(result.incomeLineVnd()).isEqualTo(standard.incomeLine(area));
    }

    @Provide
    Arbitrary<StandardRules> standards() {
        return Arbitraries.of(VN_MPS_2022, VN_MPS_2027);
    }

    @Provide
    Arbitrary<Integer> deprivationCounts() {
        return Arbitraries.integers().between(0, 12);
    }

    private static Set<Indicator> firstN(StandardRules standard, int n) {
        List<Indicator> sorted = standard.indicators().stream().sorted().toList();
        return EnumSet.copyOf(sorted.subList(0, n).isEmpty() ? EnumSet.noneOf(Indicator.class)
                : sorted.subList(0, n));
    }

    private static PovertyStatus status(StandardRules standard, AreaType area, long income, Set<Indicator> d) {
        return PovertyClassifier.classify(standard, area, new Income(income), d).classification();
    }

    /** Poorest first. */
    private static int rank(PovertyStatus status) {
        return switch (status) {
            case POOR -> 0;
            case NEAR_POOR -> 1;
            case AVERAGE_LIVING_STANDARD -> 2;
            case NOT_POOR -> 3;
        };
    }
}
