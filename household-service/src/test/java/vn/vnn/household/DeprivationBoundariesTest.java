package vn.vnn.household;

import org.junit.jupiter.api.Test;
import vn.vnn.household.standards.DeprivationRules;
import vn.vnn.household.standards.DeprivationRules.Dwelling;
import vn.vnn.household.standards.DeprivationRules.Flag;
import vn.vnn.household.standards.DeprivationRules.Person;
import vn.vnn.household.standards.Indicator;
import vn.vnn.household.standards.SurveyCodes.Diploma;
import vn.vnn.household.standards.SurveyCodes.Employment;
import vn.vnn.household.standards.SurveyCodes.LatrineType;
import vn.vnn.household.standards.SurveyCodes.Material;
import vn.vnn.household.standards.SurveyCodes.SchoolStatus;
import vn.vnn.household.standards.SurveyCodes.WaterSource;
import vn.vnn.household.standards.SurveyCodes.WorkingCapacity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every threshold of the derivation at its boundary, one day either side (Nghị định 07/2021/NĐ-CP Điều 3, as DOMAIN.md
 * §A2 reads it; values of VN-MPS-2022): an off-by-one in a legal threshold fails here.
 */
class DeprivationBoundariesTest {

    private static final LocalDate ON = LocalDate.of(2025, 9, 15);
    private static final Dwelling NOTHING = new Dwelling(null, null, null, null, null, null, null, null);

    /** Born so that on {@link #ON} the person has just turned {@code years} (or is a day short of it). */
    private static LocalDate aged(int years, boolean dayShort) {
        return ON.minusYears(years).plusDays(dayShort ? 1 : 0);
    }

    private static Person person(LocalDate born, boolean insured, SchoolStatus school, Diploma diploma,
                                 WorkingCapacity capacity, Employment employment) {
        return new Person(born, insured, school, diploma, capacity, employment, true);
    }

    private static Boolean flag(Indicator indicator, List<Person> people, Dwelling home) {
        return DeprivationRules.derive(EnumSet.of(indicator), people, home, ON).get(0).deprived();
    }

    @Test
    void healthInsuranceCountsFromTheSixthBirthday() {
        Person fiveAndAHalf = person(aged(6, true), false, SchoolStatus.ATTENDING, Diploma.NONE,
                WorkingCapacity.NONE, Employment.NOT_WORKING_AGE);
        Person six = person(aged(6, false), false, SchoolStatus.ATTENDING, Diploma.NONE, WorkingCapacity.NONE,
                Employment.NOT_WORKING_AGE);
        assertThat(flag(Indicator.HEALTH_INSURANCE, List.of(fiveAndAHalf), NOTHING)).isFalse();
        assertThat(flag(Indicator.HEALTH_INSURANCE, List.of(six), NOTHING)).isTrue();
        Person insuredSix = person(aged(6, false), true, SchoolStatus.ATTENDING, Diploma.NONE, WorkingCapacity.NONE,
                Employment.NOT_WORKING_AGE);
        assertThat(flag(Indicator.HEALTH_INSURANCE, List.of(insuredSix), NOTHING)).isFalse();
    }

    @Test
    void workingAgeStartsOnTheFifteenthBirthday() {
        Person fourteen = person(aged(15, true), true, SchoolStatus.FINISHED, Diploma.PRIMARY, WorkingCapacity.FULL,
                Employment.UNEMPLOYED);
        Person fifteen = person(aged(15, false), true, SchoolStatus.FINISHED, Diploma.PRIMARY, WorkingCapacity.FULL,
                Employment.UNEMPLOYED);
        assertThat(flag(Indicator.EMPLOYMENT, List.of(fourteen), NOTHING)).isFalse();
        assertThat(flag(Indicator.EMPLOYMENT, List.of(fifteen), NOTHING)).isTrue();
        Person stable = person(aged(30, false), true, SchoolStatus.FINISHED, Diploma.PRIMARY, WorkingCapacity.FULL,
                Employment.STABLE);
        assertThat(flag(Indicator.EMPLOYMENT, List.of(stable), NOTHING)).isFalse();
    }

    @Test
    void dependantsAreChildrenUnderSixteenPeopleFromSixtyAndThoseUnableToWorkAndDepriveAboveHalf() {
        Person worker = person(aged(40, false), true, SchoolStatus.FINISHED, Diploma.PRIMARY, WorkingCapacity.FULL,
                Employment.STABLE);
        Person fifteen = person(aged(16, true), true, SchoolStatus.ATTENDING, Diploma.PRIMARY, WorkingCapacity.FULL,
                Employment.STUDENT);
        Person sixteen = person(aged(16, false), true, SchoolStatus.ATTENDING, Diploma.PRIMARY,
                WorkingCapacity.FULL, Employment.STUDENT);
        Person fiftyNine = person(aged(60, true), true, SchoolStatus.FINISHED, Diploma.PRIMARY, WorkingCapacity.FULL,
                Employment.STABLE);
        Person sixty = person(aged(60, false), true, SchoolStatus.FINISHED, Diploma.PRIMARY, WorkingCapacity.FULL,
                Employment.RETIRED);
        Person unable = person(aged(40, false), true, SchoolStatus.FINISHED, Diploma.PRIMARY, WorkingCapacity.NONE,
                Employment.NOT_WORKING_AGE);
        // Exactly half is not more than half.
        assertThat(flag(Indicator.DEPENDANTS, List.of(worker, fifteen), NOTHING)).isFalse();
        assertThat(flag(Indicator.DEPENDANTS, List.of(worker, fifteen, sixty), NOTHING)).isTrue();
        assertThat(flag(Indicator.DEPENDANTS, List.of(worker, sixteen, fiftyNine), NOTHING)).isFalse();
        assertThat(flag(Indicator.DEPENDANTS, List.of(worker, unable, sixty), NOTHING)).isTrue();
        assertThat(flag(Indicator.DEPENDANTS, List.of(worker, sixteen, sixty), NOTHING)).isFalse();
    }

    @Test
    void adultEducationLooksAtSixteenToThirtyAndTheDiplomaForTheAge() {
        // 16–17 need lower secondary, 18–30 upper secondary; those still at school and outside the band do not count.
        assertThat(education(aged(16, true), Diploma.NONE, SchoolStatus.NOT_ATTENDING)).isFalse();
        assertThat(education(aged(16, false), Diploma.PRIMARY, SchoolStatus.NOT_ATTENDING)).isTrue();
        assertThat(education(aged(16, false), Diploma.LOWER_SECONDARY, SchoolStatus.NOT_ATTENDING)).isFalse();
        assertThat(education(aged(18, true), Diploma.LOWER_SECONDARY, SchoolStatus.NOT_ATTENDING)).isFalse();
        assertThat(education(aged(18, false), Diploma.LOWER_SECONDARY, SchoolStatus.NOT_ATTENDING)).isTrue();
        assertThat(education(aged(18, false), Diploma.UPPER_SECONDARY, SchoolStatus.FINISHED)).isFalse();
        assertThat(education(aged(31, true), Diploma.NONE, SchoolStatus.FINISHED)).isTrue();
        assertThat(education(aged(31, false), Diploma.NONE, SchoolStatus.FINISHED)).isFalse();
        assertThat(education(aged(20, false), Diploma.NONE, SchoolStatus.ATTENDING)).isFalse();
        assertThat(DeprivationRules.derive(EnumSet.of(Indicator.ADULT_EDUCATION), List.of(person(aged(20, false),
                true, SchoolStatus.FINISHED, Diploma.NONE, WorkingCapacity.FULL, Employment.STABLE)), NOTHING, ON)
                .get(0).reason()).contains("1 member(s) aged 16–30");
    }

    private static Boolean education(LocalDate born, Diploma diploma, SchoolStatus school) {
        return flag(Indicator.ADULT_EDUCATION, List.of(person(born, true, school, diploma, WorkingCapacity.FULL,
                Employment.STABLE)), NOTHING);
    }

    @Test
    void schoolAttendanceLooksAtChildrenFromThreeToUnderSixteen() {
        assertThat(school(aged(3, true))).isFalse();
        assertThat(school(aged(3, false))).isTrue();
        assertThat(school(aged(16, true))).isTrue();
        assertThat(school(aged(16, false))).isFalse();
        assertThat(flag(Indicator.CHILD_SCHOOL_ATTENDANCE, List.of(person(aged(10, false), true,
                SchoolStatus.ATTENDING, Diploma.PRIMARY, WorkingCapacity.NONE, Employment.STUDENT)), NOTHING)).isFalse();
        Flag out = DeprivationRules.derive(EnumSet.of(Indicator.CHILD_SCHOOL_ATTENDANCE), List.of(person(aged(10,
                false), true, SchoolStatus.NOT_ATTENDING, Diploma.NONE, WorkingCapacity.NONE,
                Employment.NOT_WORKING_AGE)), NOTHING, ON).get(0);
        assertThat(out.reason()).isEqualTo("1 child(ren) aged 3 to under 16 not attending school");
    }

    private static Boolean school(LocalDate born) {
        return flag(Indicator.CHILD_SCHOOL_ATTENDANCE, List.of(person(born, true, SchoolStatus.NOT_ATTENDING,
                Diploma.NONE, WorkingCapacity.NONE, Employment.NOT_WORKING_AGE)), NOTHING);
    }

    @Test
    void aHouseIsOfPoorQualityWhenTwoOfItsThreeStructuresAreNotDurable() {
        assertThat(quality(Material.BRICK, Material.CONCRETE, Material.TILE)).isFalse();
        assertThat(quality(Material.BAMBOO, Material.CONCRETE, Material.TILE)).isFalse();
        assertThat(quality(Material.BAMBOO, Material.NON_DURABLE_WOOD, Material.TILE)).isTrue();
        assertThat(quality(Material.BAMBOO, Material.NON_DURABLE_WOOD, Material.THATCH)).isTrue();
        assertThat(quality(null, Material.CONCRETE, Material.TILE)).isNull();
    }

    private static Boolean quality(Material wall, Material column, Material roof) {
        return flag(Indicator.HOUSING_QUALITY, List.of(), new Dwelling(null, wall, column, roof, null, null, null,
                null));
    }

    @Test
    void housingAreaAtExactlyEightSquareMetresPerPersonIsNotDeprived() {
        Person adult = person(aged(40, false), true, SchoolStatus.FINISHED, Diploma.PRIMARY, WorkingCapacity.FULL,
                Employment.STABLE);
        assertThat(flag(Indicator.HOUSING_AREA, List.of(adult, adult), new Dwelling(new BigDecimal("16.0"), null,
                null, null, null, null, null, null))).isFalse();
        assertThat(flag(Indicator.HOUSING_AREA, List.of(adult, adult), new Dwelling(new BigDecimal("15.9"), null,
                null, null, null, null, null, null))).isTrue();
        assertThat(flag(Indicator.HOUSING_AREA, List.of(), new Dwelling(new BigDecimal("15.9"), null, null, null,
                null, null, null, null))).isNull();
    }

    @Test
    void waterLatrineTelecomAndDevicesDecideFromTheirCodesOrStayUndecided() {
        Dwelling good = new Dwelling(null, null, null, null, WaterSource.PIPED, LatrineType.SEPTIC, true,
                Set.of(vn.vnn.household.standards.SurveyCodes.InformationDevice.SMARTPHONE));
        assertThat(flag(Indicator.DOMESTIC_WATER, List.of(), good)).isFalse();
        assertThat(flag(Indicator.HYGIENIC_LATRINE, List.of(), good)).isFalse();
        assertThat(flag(Indicator.TELECOM_SERVICES, List.of(), good)).isFalse();
        assertThat(flag(Indicator.INFORMATION_DEVICES, List.of(), good)).isFalse();
        for (Indicator indicator : List.of(Indicator.DOMESTIC_WATER, Indicator.HYGIENIC_LATRINE,
                Indicator.TELECOM_SERVICES, Indicator.INFORMATION_DEVICES, Indicator.NUTRITION)) {
            Flag flag = DeprivationRules.derive(EnumSet.of(indicator), List.of(), NOTHING, ON).get(0);
            assertThat(flag.deprived()).as(indicator.name()).isNull();
            assertThat(flag.reason()).as(indicator.name()).isNotBlank();
        }
    }
}
