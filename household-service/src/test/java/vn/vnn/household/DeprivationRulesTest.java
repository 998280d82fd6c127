package vn.vnn.household;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
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

    private static Map<Indicator, Boolean> byIndicator(List<Flag> flags) {
        Map<Indicator, Boolean> map = new java.util.HashMap<>();
        flags.forEach(flag -> map.put(flag.indicator(), flag.deprived()));
        return map;
    }
}
