package vn.vnn.household;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import vn.vnn.household.standards.DerivationThresholds;
import vn.vnn.household.standards.RetirementAge;
import vn.vnn.household.standards.DeprivationRules;
import vn.vnn.household.standards.DeprivationRules.Dwelling;
import vn.vnn.household.standards.DeprivationRules.Flag;
import vn.vnn.household.standards.DeprivationRules.Person;
import vn.vnn.household.standards.Indicator;
import vn.vnn.household.standards.SurveyCodes.Diploma;
import vn.vnn.household.standards.SurveyCodes.Employment;
import vn.vnn.household.standards.SurveyCodes.InformationDevice;
import vn.vnn.household.standards.SurveyCodes.LatrineType;
import vn.vnn.household.standards.SurveyCodes.Material;
import vn.vnn.household.standards.SurveyCodes.SchoolStatus;
import vn.vnn.household.standards.SurveyCodes.WaterSource;
import vn.vnn.household.standards.SurveyCodes.WorkingCapacity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DeprivationRulesTest {

    private static final LocalDate ON = LocalDate.of(2025, 9, 15);
    private static final Set<Indicator> VN_MPS_2022 = PovertyClassifierTest.INDICATORS_2022;

    @Test
    void aPoorRuralHouseholdAsTheSurveySeesIt() {
        List<Person> people = List.of(
                new Person(LocalDate.of(1985, 3, 4), true, SchoolStatus.FINISHED, Diploma.LOWER_SECONDARY,
                        WorkingCapacity.FULL, Employment.UNSTABLE),
                new Person(LocalDate.of(2004, 1, 1), false, SchoolStatus.FINISHED, Diploma.LOWER_SECONDARY,
                        WorkingCapacity.FULL, Employment.STABLE),
                new Person(LocalDate.of(2014, 5, 1), true, SchoolStatus.NOT_ATTENDING, Diploma.PRIMARY,
                        WorkingCapacity.NONE, Employment.NOT_WORKING_AGE));
        Dwelling home = new Dwelling(new BigDecimal("20"), Material.BAMBOO, Material.NON_DURABLE_WOOD, Material.TILE,
                WaterSource.SURFACE_WATER, LatrineType.HANGING, false, Set.of());
        Map<Indicator, Boolean> flags = byIndicator(DeprivationRules.derive(VN_MPS_2022, people, home, ON));
        assertThat(flags).containsEntry(Indicator.EMPLOYMENT, true)
                .containsEntry(Indicator.DEPENDANTS, false)
                .containsEntry(Indicator.HEALTH_INSURANCE, true)
                .containsEntry(Indicator.ADULT_EDUCATION, true)
                .containsEntry(Indicator.CHILD_SCHOOL_ATTENDANCE, true)
                .containsEntry(Indicator.HOUSING_QUALITY, true)
                .containsEntry(Indicator.HOUSING_AREA, true)
                .containsEntry(Indicator.DOMESTIC_WATER, true)
                .containsEntry(Indicator.HYGIENIC_LATRINE, true)
                .containsEntry(Indicator.TELECOM_SERVICES, true)
                .containsEntry(Indicator.INFORMATION_DEVICES, true)
                .containsEntry(Indicator.NUTRITION, null);
    }

    @Test
    void everyFlagSaysWhyAndUnknownDataIsNeverGuessed() {
        Dwelling empty = new Dwelling(null, null, null, null, null, null, null, null);
        List<Flag> flags = DeprivationRules.derive(VN_MPS_2022, List.of(), empty, ON);
        assertThat(flags).hasSize(12).allMatch(f -> !f.reason().isBlank());
        assertThat(flags).filteredOn(f -> f.indicator() == Indicator.DOMESTIC_WATER).singleElement()
                .extracting(Flag::deprived).isNull();
        assertThat(DeprivationRules.derive(EnumSet.of(Indicator.WASTE_TREATMENT, Indicator.DIGITAL_SERVICES),
                List.of(), new Dwelling(null, null, null, null, null, null, true, Set.of(InformationDevice.TELEVISION)),
                ON)).extracting(Flag::deprived).containsExactly(false, null);
    }

    @Property
    void housingAreaIsDeprivedExactlyUnderEightSquareMetresPerPerson(
            @ForAll @IntRange(min = 0, max = 400) int decimetres, @ForAll @IntRange(min = 1, max = 12) int members) {
        BigDecimal area = BigDecimal.valueOf(decimetres, 1);
        Person adult = new Person(LocalDate.of(1980, 1, 1), true, SchoolStatus.FINISHED, Diploma.UPPER_SECONDARY,
                WorkingCapacity.FULL, Employment.STABLE);
        Dwelling home = new Dwelling(area, null, null, null, null, null, null, null);
        Flag flag = DeprivationRules.derive(EnumSet.of(Indicator.HOUSING_AREA),
                Collections.nCopies(members, adult), home, ON).get(0);
        assertThat(flag.deprived()).isEqualTo(area.compareTo(BigDecimal.valueOf(8L * members)) < 0);
    }

    /**
     * Working age ends at the statutory retirement age (Bộ luật Lao động 2019 Điều 169 k.2; Nghị định 135/2020/NĐ-CP):
     * 60y3m for men and 55y4m for women in 2021, +3 and +4 months a year, until 62 (2028) and 60 (2035).
     */
    @Test
    void retirementAgeRisesByYearAndSex() {
        assertThat(RetirementAge.in(2020, true)).isEqualTo(java.time.Period.of(60, 0, 0));
        assertThat(RetirementAge.in(2021, true)).isEqualTo(java.time.Period.of(60, 3, 0));
        assertThat(RetirementAge.in(2025, true)).isEqualTo(java.time.Period.of(61, 3, 0));
        assertThat(RetirementAge.in(2028, true)).isEqualTo(java.time.Period.of(62, 0, 0));
        assertThat(RetirementAge.in(2031, true)).isEqualTo(java.time.Period.of(62, 0, 0));
        assertThat(RetirementAge.in(2020, false)).isEqualTo(java.time.Period.of(55, 0, 0));
        assertThat(RetirementAge.in(2021, false)).isEqualTo(java.time.Period.of(55, 4, 0));
        assertThat(RetirementAge.in(2025, false)).isEqualTo(java.time.Period.of(56, 8, 0));
        assertThat(RetirementAge.in(2035, false)).isEqualTo(java.time.Period.of(60, 0, 0));
        assertThat(RetirementAge.in(2040, false)).isEqualTo(java.time.Period.of(60, 0, 0));
        // Born 1 January 1964: a man reaches 61y3m on 1 April 2025, not a day before.
        assertThat(RetirementAge.reached(LocalDate.of(1964, 1, 1), true, LocalDate.of(2025, 3, 31))).isFalse();
        assertThat(RetirementAge.reached(LocalDate.of(1964, 1, 1), true, LocalDate.of(2025, 4, 1))).isTrue();
    }

    @Test
    void aMemberPastTheRetirementAgeOfTheirSexIsNotOfWorkingAgeAndUnknownSexIsNeverGuessed() {
        // 57 years 3 months on 15 September 2025: past a woman's 56y8m, under a man's 61y3m.
        LocalDate born = LocalDate.of(1968, 6, 1);
        assertThat(employment(new Person(born, true, SchoolStatus.FINISHED, Diploma.PRIMARY, WorkingCapacity.FULL,
                Employment.UNEMPLOYED, false))).isFalse();
        assertThat(employment(new Person(born, true, SchoolStatus.FINISHED, Diploma.PRIMARY, WorkingCapacity.FULL,
                Employment.UNEMPLOYED, true))).isTrue();
        assertThat(employment(new Person(born, true, SchoolStatus.FINISHED, Diploma.PRIMARY, WorkingCapacity.FULL,
                Employment.UNEMPLOYED))).isNull();
        // Under both retirement ages the sex does not matter.
        assertThat(employment(new Person(LocalDate.of(1990, 1, 1), true, SchoolStatus.FINISHED, Diploma.PRIMARY,
                WorkingCapacity.FULL, Employment.UNSTABLE))).isTrue();
        // 14 is not yet working age (the standard's workingAgeFrom is 15).
        assertThat(employment(new Person(LocalDate.of(2011, 1, 1), true, SchoolStatus.FINISHED, Diploma.PRIMARY,
                WorkingCapacity.FULL, Employment.UNEMPLOYED, true))).isFalse();
    }

    /** The thresholds are the standard's data: a standard with other values decides by them. */
    @Test
    void thresholdsComeFromTheStandard() {
        DerivationThresholds strict = new DerivationThresholds(5, 15, 60, 16, 50, 16, 30, 3, 16, new BigDecimal("10"));
        Person five = new Person(LocalDate.of(2020, 6, 1), false, SchoolStatus.ATTENDING, Diploma.NONE,
                WorkingCapacity.NONE, Employment.NOT_WORKING_AGE);
        Person adult = new Person(LocalDate.of(1980, 1, 1), true, SchoolStatus.FINISHED, Diploma.UPPER_SECONDARY,
                WorkingCapacity.FULL, Employment.STABLE, true);
        Dwelling nineEach = new Dwelling(new BigDecimal("18"), null, null, null, null, null, null, null);
        Map<Indicator, Boolean> byDefault = byIndicator(DeprivationRules.derive(EnumSet.of(Indicator.HOUSING_AREA,
                Indicator.HEALTH_INSURANCE), List.of(five, adult), nineEach, ON));
        Map<Indicator, Boolean> byStrict = byIndicator(DeprivationRules.derive(EnumSet.of(Indicator.HOUSING_AREA,
                Indicator.HEALTH_INSURANCE), strict, List.of(five, adult), nineEach, ON));
        assertThat(byDefault).containsEntry(Indicator.HOUSING_AREA, false).containsEntry(Indicator.HEALTH_INSURANCE,
                false);
        assertThat(byStrict).containsEntry(Indicator.HOUSING_AREA, true).containsEntry(Indicator.HEALTH_INSURANCE,
                true);
    }

    @Property
    void housingAreaFollowsTheStandardsMinimum(@ForAll @IntRange(min = 0, max = 400) int decimetres,
                                               @ForAll @IntRange(min = 1, max = 6) int members,
                                               @ForAll @IntRange(min = 1, max = 200) int minimumDecimetres) {
        BigDecimal area = BigDecimal.valueOf(decimetres, 1);
        BigDecimal minimum = BigDecimal.valueOf(minimumDecimetres, 1);
        DerivationThresholds t = new DerivationThresholds(6, 15, 60, 16, 50, 16, 30, 3, 16, minimum);
        Person adult = new Person(LocalDate.of(1980, 1, 1), true, SchoolStatus.FINISHED, Diploma.UPPER_SECONDARY,
                WorkingCapacity.FULL, Employment.STABLE);
        Flag flag = DeprivationRules.derive(EnumSet.of(Indicator.HOUSING_AREA), t, Collections.nCopies(members, adult),
                new Dwelling(area, null, null, null, null, null, null, null), ON).get(0);
        assertThat(flag.deprived()).isEqualTo(area.compareTo(minimum.multiply(BigDecimal.valueOf(members))) < 0);
    }

    private static Boolean employment(Person person) {
        return DeprivationRules.derive(EnumSet.of(Indicator.EMPLOYMENT), List.of(person),
                new Dwelling(null, null, null, null, null, null, null, null), ON).get(0).deprived();
    }

    private static Map<Indicator, Boolean> byIndicator(List<Flag> flags) {
        Map<Indicator, Boolean> map = new java.util.HashMap<>();
        flags.forEach(flag -> map.put(flag.indicator(), flag.deprived()));
        return map;
    }
}
