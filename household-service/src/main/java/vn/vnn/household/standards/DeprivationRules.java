package vn.vnn.household.standards;

import vn.vnn.household.standards.SurveyCodes.Diploma;
import vn.vnn.household.standards.SurveyCodes.Employment;
import vn.vnn.household.standards.SurveyCodes.SchoolStatus;
import vn.vnn.household.standards.SurveyCodes.WorkingCapacity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Derives deprivation flags from what the registry knows of a household (thresholds of DOMAIN.md Part 2 §A2, marked
 * there as from a secondary note: officers check the reasons). A flag the data cannot decide is {@code null} with
 * the reason, never guessed; the surveyor sets it.
 */
public final class DeprivationRules {

    /** Working age for the employment indicator (Bộ luật Lao động: from 15). */
    static final int WORKING_AGE_FROM = 15;
    static final int ELDERLY_FROM = 60;
    static final BigDecimal MIN_AREA_PER_PERSON_M2 = new BigDecimal("8");

    private DeprivationRules() {
    }

    public record Person(LocalDate birthDate, boolean healthInsurance, SchoolStatus schoolStatus, Diploma diploma,
                         WorkingCapacity workingCapacity, Employment employment) {
    }

    public record Dwelling(BigDecimal floorAreaM2, SurveyCodes.Material wall, SurveyCodes.Material column,
                           SurveyCodes.Material roof, SurveyCodes.WaterSource water, SurveyCodes.LatrineType latrine,
                           Boolean telecomUse, Set<SurveyCodes.InformationDevice> devices) {
    }

    /** {@code deprived} is null when the data cannot decide. */
    public record Flag(Indicator indicator, Boolean deprived, String reason) {
    }

    public static List<Flag> derive(Set<Indicator> indicators, List<Person> people, Dwelling home, LocalDate on) {
        List<Flag> flags = new ArrayList<>();
        for (Indicator indicator : EnumSet.copyOf(indicators)) {
            flags.add(switch (indicator) {
                case EMPLOYMENT -> employment(people, on);
                case DEPENDANTS -> dependants(people, on);
                case NUTRITION -> new Flag(indicator, null, "the registry holds no nutrition data; the surveyor decides");
                case HEALTH_INSURANCE -> healthInsurance(people, on);
                case ADULT_EDUCATION -> adultEducation(people, on);
                case CHILD_SCHOOL_ATTENDANCE -> schoolAttendance(people, on);
                case HOUSING_QUALITY -> housingQuality(home);
                case HOUSING_AREA -> housingArea(home, people.size());
                case DOMESTIC_WATER -> home.water() == null ? unknown(indicator, "water source")
                        : new Flag(indicator, !home.water().clean(), "water source " + home.water()
                        + (home.water().clean() ? " is clean" : " is not a clean source"));
                case HYGIENIC_LATRINE -> home.latrine() == null ? unknown(indicator, "latrine type")
                        : new Flag(indicator, !home.latrine().hygienic(), "latrine " + home.latrine()
                        + (home.latrine().hygienic() ? " is hygienic" : " is not hygienic"));
                case TELECOM_SERVICES, DIGITAL_SERVICES -> home.telecomUse() == null
                        ? unknown(indicator, "telecom use")
                        : new Flag(indicator, !home.telecomUse(), home.telecomUse()
                        ? "some member uses telecom or internet services" : "no member uses telecom or internet services");
                case INFORMATION_DEVICES -> home.devices() == null ? unknown(indicator, "information devices")
                        : new Flag(indicator, home.devices().isEmpty(), home.devices().isEmpty()
                        ? "the household owns no information device" : "owns " + home.devices());
                case WASTE_TREATMENT -> new Flag(indicator, null,
                        "the registry holds no waste-treatment data; the surveyor decides");
            });
        }
        return flags;
    }

    private static Flag employment(List<Person> people, LocalDate on) {
        long without = people.stream().filter(p -> age(p, on) >= WORKING_AGE_FROM && age(p, on) < ELDERLY_FROM)
                .filter(p -> p.employment() == Employment.UNEMPLOYED || p.employment() == Employment.UNSTABLE)
                .count();
        return new Flag(Indicator.EMPLOYMENT, without > 0, without > 0
                ? without + " working-age member(s) without regular, stable work" : "every working-age member works");
    }

    private static Flag dependants(List<Person> people, LocalDate on) {
        if (people.isEmpty()) {
            return unknown(Indicator.DEPENDANTS, "members");
        }
        long dependants = people.stream().filter(p -> age(p, on) < 16 || age(p, on) >= ELDERLY_FROM
                || p.workingCapacity() == WorkingCapacity.NONE).count();
        boolean deprived = dependants * 2 > people.size();
        return new Flag(Indicator.DEPENDANTS, deprived, dependants + " of " + people.size()
                + " members are dependants (children under 16, people 60 or over, or unable to work)");
    }

    private static Flag healthInsurance(List<Person> people, LocalDate on) {
        long uninsured = people.stream().filter(p -> age(p, on) >= 6 && !p.healthInsurance()).count();
        return new Flag(Indicator.HEALTH_INSURANCE, uninsured > 0, uninsured > 0
                ? uninsured + " member(s) aged 6 or over without health insurance"
                : "every member aged 6 or over has health insurance");
    }

    private static Flag adultEducation(List<Person> people, LocalDate on) {
        long lacking = people.stream().filter(p -> {
            int age = age(p, on);
            if (age < 16 || age > 30 || p.schoolStatus() == SchoolStatus.ATTENDING) {
                return false;
            }
            return age < 18 ? p.diploma().ordinal() < Diploma.LOWER_SECONDARY.ordinal()
                    : p.diploma().ordinal() < Diploma.UPPER_SECONDARY.ordinal();
        }).count();
        return new Flag(Indicator.ADULT_EDUCATION, lacking > 0, lacking > 0
                ? lacking + " member(s) aged 16–30 out of school without the diploma expected for their age"
                : "no member aged 16–30 lacks the expected schooling");
    }

    private static Flag schoolAttendance(List<Person> people, LocalDate on) {
        long out = people.stream().filter(p -> age(p, on) >= 3 && age(p, on) < 16)
                .filter(p -> p.schoolStatus() == SchoolStatus.NOT_ATTENDING).count();
        return new Flag(Indicator.CHILD_SCHOOL_ATTENDANCE, out > 0, out > 0
                ? out + " child(ren) aged 3 to under 16 not attending school" : "every child aged 3–15 attends");
    }

    private static Flag housingQuality(Dwelling home) {
        if (home.wall() == null || home.column() == null || home.roof() == null) {
            return unknown(Indicator.HOUSING_QUALITY, "wall, column and roof materials");
        }
        int weak = (home.wall().durable() ? 0 : 1) + (home.column().durable() ? 0 : 1)
                + (home.roof().durable() ? 0 : 1);
        return new Flag(Indicator.HOUSING_QUALITY, weak >= 2, weak + " of 3 main structures are not durable");
    }

    private static Flag housingArea(Dwelling home, int members) {
        if (home.floorAreaM2() == null || members == 0) {
            return unknown(Indicator.HOUSING_AREA, "floor area");
        }
        BigDecimal perPerson = home.floorAreaM2().divide(BigDecimal.valueOf(members), 1, RoundingMode.DOWN);
        boolean deprived = home.floorAreaM2().compareTo(MIN_AREA_PER_PERSON_M2.multiply(BigDecimal.valueOf(members)))
                < 0;
        return new Flag(Indicator.HOUSING_AREA, deprived, perPerson + " m² per person ("
                + (deprived ? "under" : "at least") + " 8 m²)");
    }

    private static Flag unknown(Indicator indicator, String what) {
        return new Flag(indicator, null, "no " + what + " recorded");
    }

    static int age(Person person, LocalDate on) {
        return Period.between(person.birthDate(), on).getYears();
    }
}
